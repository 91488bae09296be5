import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunnerPage, type Sheet } from '../helpers/runner-page.js';

/**
 * A footnote taller than the room below the text (src/layout/browser/page-runner/
 * footnote-area.ts), in a real page: the note is split between two of its lines, the
 * rest opens the next sheet's footnote area under the continuation rule, and nothing is
 * lost or shown twice. Each case is laid out with the text before the call one line
 * longer each time, so the split falls at many places.
 */
let runner: RunnerPage;
beforeAll(async () => {
  runner = await RunnerPage.open();
});
afterAll(() => runner?.close());

/** Footnote lines are 10 pt: in CSS px. */
const NOTE_LINE = (10 * 96) / 72;

const filler = (lines: number) => `<div>${Array.from({ length: lines }, (_, i) => `<p style="margin:0">Regel ${i + 1} van de tekst ervoor.</p>`).join('')}</div>`;
/* A note of `sentences` sentences, its second and later paragraphs as the Markdown stage
   writes them (remark-inline-footnotes.ts). */
function noteText(prefix: string, sentences: number, perParagraph = 12): string {
  const all = Array.from({ length: sentences }, (_, i) => `Zin ${prefix}${i + 1} van de lange noot gaat over de aanpak.`);
  const paragraphs = Array.from({ length: Math.ceil(sentences / perParagraph) }, (_, i) => all.slice(i * perParagraph, (i + 1) * perParagraph).join(' '));
  return paragraphs.map((p, i) => (i === 0 ? p : `<span class="vb-noot-alinea">${p}</span>`)).join('');
}
const note = (nr: number, html: string) => `<span class="footnote" data-footnote="${nr}">${html}</span>`;
const prose = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `<p>Alinea ${tag}${i} van de brief, met genoeg woorden om over twee regels te lopen in de smalle kolom.</p>`).join('');

/** The text of a note's parts over all sheets, in order, and where they stand. */
function parts(sheets: Sheet[], nr: string) {
  return sheets.flatMap((s, i) => s.notes.filter((n) => n.nr === nr).map((n) => ({ sheet: i, ...n })));
}

function problems(sheets: Sheet[], notes: Map<string, string>): string[] {
  const out: string[] = [];
  sheets.forEach((s, i) => {
    const label = `sheet ${i + 1}`;
    const first = s.notes[0];
    if (first && s.notes.at(-1)!.bottom > s.textBottom + 1) out.push(`${label}: the notes end ${(s.notes.at(-1)!.bottom - s.textBottom).toFixed(1)} px below the text area`);
    const lowestText = Math.max(0, ...s.blocks.map((b) => b.bottom));
    if (first && lowestText > first.top) out.push(`${label}: the text runs into the notes`);
    s.notes.slice(1).forEach((n) => n.continued && out.push(`${label}: the rest of note ${n.nr} is not first`));
    if (s.notesContinued !== !!first?.continued) out.push(`${label}: the continuation rule is ${s.notesContinued ? 'shown without' : 'missing above'} a continued note`);
  });
  for (const [nr, text] of notes) {
    const p = parts(sheets, nr);
    if (p.map((x) => x.text).join('') !== text) out.push(`note ${nr}: its parts read "${p.map((x) => x.text).join('|').slice(0, 80)}…", not the note`);
    if (p.filter((x) => !x.continued).length !== 1 || p[0]?.continued) out.push(`note ${nr}: ${p.filter((x) => !x.continued).length} parts with a number`);
    p.forEach((x, k) => {
      const next = p[k + 1];
      if (!next) return;
      if (next.sheet !== x.sheet + 1) out.push(`note ${nr}: part ${k + 2} is on sheet ${next.sheet + 1}, not right after sheet ${x.sheet + 1}`);
      // A part that goes on ends at the foot of its sheet, and keeps two lines.
      if (sheets[x.sheet]!.textBottom - sheets[x.sheet]!.notes.at(-1)!.bottom > NOTE_LINE + 1) out.push(`note ${nr}: part ${k + 1} ends above the foot of sheet ${x.sheet + 1}`);
      if (x.bottom - x.top < 2 * NOTE_LINE - 1) out.push(`note ${nr}: part ${k + 1} has fewer than two lines`);
      if (next.bottom - next.top < 2 * NOTE_LINE - 1) out.push(`note ${nr}: part ${k + 2} has fewer than two lines`);
    });
  }
  return out;
}

async function textOf(html: string): Promise<string> {
  return runner.page.evaluate((h) => {
    const d = document.createElement('div');
    d.innerHTML = h;
    return d.textContent ?? '';
  }, html);
}

describe('a footnote taller than the room below the text', () => {
  it('is split between lines and goes on at the top of the next footnote area, at every filler length', async () => {
    const long = noteText('a', 70);
    const texts = new Map([
      ['1', 'Kamerstukken II, 2024-2025, 29279, nr. 890.'],
      ['2', await textOf(long)],
      ['3', 'Kamerstukken II, 2024-2025, 29279, nr. 895.'],
      ['4', 'Kamerstukken II, 2024-2025, 31015, nr. 250.'],
    ]);
    const found: string[] = [];
    let split = 0;
    for (let n = 4; n <= 58; n += 6) {
      const body = `<main><p>Inleiding.${note(1, texts.get('1')!)}</p>${filler(n)}<p>Een bewering met een lange noot.${note(2, long)} En een korte.${note(3, texts.get('3')!)}</p>${prose('b', 12)}<p>Nog een noot.${note(4, texts.get('4')!)}</p>${prose('c', 20)}</main>`;
      const sheets = await runner.layOut(body);
      found.push(...problems(sheets, texts).map((p) => `filler ${n}: ${p}`));
      if (parts(sheets, '2').length > 1) split++;
    }
    expect(found).toEqual([]);
    // The note did not simply fit: it was split at (nearly) every length.
    expect(split).toBeGreaterThanOrEqual(9);
  });

  it('goes on over as many sheets as it needs, a note of three pages too', async () => {
    const long = noteText('d', 260, 20);
    const texts = new Map([
      ['1', await textOf(long)],
      ['2', 'Kamerstukken II, 2024-2025, 28345, nr. 301.'],
    ]);
    for (const n of [2, 30]) {
      const sheets = await runner.layOut(`<main>${filler(n)}<p>Bewering.${note(1, long)}</p>${prose('e', 8)}<p>Daarna.${note(2, texts.get('2')!)}</p>${prose('f', 30)}</main>`);
      expect(problems(sheets, texts), `filler ${n}`).toEqual([]);
      expect(new Set(parts(sheets, '1').map((p) => p.sheet)).size, `filler ${n}`).toBeGreaterThanOrEqual(4);
      // The letter's text still reads on, half a page at least, beside the long note.
      const withText = sheets.filter((s) => s.blocks.some((b) => /Alinea [ef]/.test(b.text)));
      expect(withText.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('cuts off, with a warning, only a part that fits on no page, and ends', async () => {
    const picture = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="1400" style="display:block"></svg>';
    const sheets = await runner.layOut(`<main><p>Bewering.${note(1, `Een figuur:${picture}`)}</p>${prose('h', 6)}<p>Later.${note(2, 'Een gewone noot.')}</p></main>`);
    const result = await runner.page.evaluate(() => window.__vbResultaat);
    expect(result?.waarschuwingen.map((w) => w.message)).toEqual([expect.stringMatching(/^footnote 1 has a part taller than page \d+; part of it is cut off$/)]);
    expect(sheets.length).toBeLessThan(6);
    expect(sheets.flatMap((s) => s.notes.map((n) => n.nr))).toEqual(['1', '2']);
  });

  it('keeps a note that fits whole on its call\'s page, as before', async () => {
    const texts = new Map([['1', 'Een noot van een paar regels, die gewoon onder de tekst past en niet wordt gesplitst.']]);
    const sheets = await runner.layOut(`<main>${filler(20)}<p>Bewering.${note(1, texts.get('1')!)}</p>${prose('g', 30)}</main>`);
    expect(problems(sheets, texts)).toEqual([]);
    expect(parts(sheets, '1').length).toBe(1);
    expect(sheets.every((s) => !s.notesContinued)).toBe(true);
  });
});
