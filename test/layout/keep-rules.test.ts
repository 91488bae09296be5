import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunnerPage, type Sheet } from '../helpers/runner-page.js';

/**
 * The keep rules of the page runner (src/layout/browser/page-runner/keep-rules.ts), in a
 * real page: each case is laid out many times with the text above it one line longer,
 * so that every position of the critical break near a page's foot is tried.
 */
let runner: RunnerPage;
beforeAll(async () => {
  runner = await RunnerPage.open();
});
afterAll(() => runner?.close());

const filler = (lines: number) =>
  `<div>${Array.from({ length: lines }, (_, i) => `<p style="margin:0">Regel ${i + 1} van de tekst ervoor.</p>`).join('')}</div>`;
const paragraph = (words: number, tag = 'slot') => `<p>${Array.from({ length: words }, (_, i) => `${tag}${i}`).join(' ')}</p>`;
const isHeading = (tag: string) => /^h[1-6]$/.test(tag);

function headingProblems(sheets: Sheet[]): string[] {
  const problems: string[] = [];
  sheets.forEach((sheet, s) => {
    const last = s === sheets.length - 1;
    sheet.blocks.forEach((b, i) => {
      if (!isHeading(b.tag)) return;
      const below = sheet.blocks.slice(i + 1).filter((x) => !isHeading(x.tag) && x.tag !== 'div');
      const lines = below.reduce((n, x) => n + x.lines, 0);
      if (!last && lines < 2) problems.push(`sheet ${s + 1}: "${b.text}" has ${lines} line(s) below it`);
    });
  });
  return problems;
}

describe('a heading keeps two lines of what follows', () => {
  it('never ends a page, alone or in a run of headings, at any filler length', async () => {
    const problems: string[] = [];
    const flat = (n: number) => `<main>${filler(n)}<section><h2>Kop twee</h2><h3>Kop drie</h3><h4>Kop vier</h4>${paragraph(80, 'tekst')}${paragraph(60, 'meer')}</section></main>`;
    // Nested sections, as a report with numbered subsections has them.
    const nested = (n: number) => `<main>${filler(n)}<section><h2>Kop twee</h2><section><h3>Kop drie</h3><div><p>${'kort '.repeat(3)}</p>${paragraph(80, 'tekst')}</div></section></section></main>`;
    for (const [n, make] of Array.from({ length: 17 }, (_, i) => i + 36).flatMap((n) => [[n, flat], [n, nested]] as const)) {
      const sheets = await runner.layOut(make(n));
      expect(sheets.length, `filler ${n}`).toBeGreaterThanOrEqual(2);
      problems.push(...headingProblems(sheets).map((p) => `filler ${n}: ${p}`));
      // The run of headings stays on one page.
      const withHeadings = sheets.filter((s) => s.blocks.some((b) => isHeading(b.tag)));
      expect(withHeadings.length, `filler ${n}`).toBe(1);
    }
    expect(problems).toEqual([]);
  });

  it('counts an italic status line right under it as its own, as a register section writes one', async () => {
    const problems: string[] = [];
    const status = (n: number) => `<p><em>Status: openstaand; motie aangenomen op 2 juli 2024, uitvoering loopt, ${'nader bericht volgt '.repeat(n)}</em></p>`;
    for (let n = 36; n <= 52; n++) {
      for (const lines of [1, 3]) {
        const sheets = await runner.layOut(`<main>${filler(n)}<h4>Motie Mutluer (29279, nr. 895)</h4>${status(lines)}${paragraph(60, 'stand')}${paragraph(40)}</main>`);
        sheets.slice(0, -1).forEach((sheet, s) => {
          const i = sheet.blocks.findIndex((b) => b.tag === 'h4');
          if (i < 0) return;
          const stand = sheet.blocks.slice(i + 1).filter((b) => b.text.startsWith('stand')).reduce((sum, b) => sum + b.lines, 0);
          if (stand < 2) problems.push(`filler ${n}, status of ${lines}: sheet ${s + 1} ends with the heading and ${stand} line(s) of what the status introduces`);
        });
      }
    }
    expect(problems).toEqual([]);
  });

  it('holds before a list and before a table too', async () => {
    const problems: string[] = [];
    for (let n = 40; n <= 50; n++) {
      const list = `<ul>${Array.from({ length: 8 }, (_, i) => `<li>Punt ${i} van de lijst</li>`).join('')}</ul>`;
      const table = `<table><thead><tr><th>Regio</th><th>Aantal</th></tr></thead><tbody>${Array.from({ length: 6 }, (_, i) => `<tr><td>rij${i}</td><td>${i}</td></tr>`).join('')}</tbody></table>`;
      for (const next of [list, table]) {
        const sheets = await runner.layOut(`<main>${filler(n)}<h2>Kop</h2>${next}${paragraph(200)}</main>`);
        problems.push(...headingProblems(sheets).map((p) => `filler ${n}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
});

/* Parts of a paragraph cut by a page with fewer than two lines: an orphan or a widow. */
function lineProblems(sheets: Sheet[], tag: string): string[] {
  const problems: string[] = [];
  sheets.forEach((sheet, s) => {
    const parts = sheet.blocks.filter((b) => b.tag === 'p' && (b.text.startsWith(tag) || b.continued));
    for (const b of parts) if (b.continued && b.lines < 2) problems.push(`sheet ${s + 1}: ${b.lines} line at its top`);
    const last = sheet.blocks.at(-1);
    const next = sheets[s + 1]?.blocks[0];
    if (last && parts.includes(last) && next?.tag === 'p' && next.continued && last.lines < 2) problems.push(`sheet ${s + 1}: ${last.lines} line at its foot`);
  });
  return problems;
}

describe('a paragraph cut by a page', () => {
  // Chromium gave up `widows` before the heading's `break-after: avoid`: a heading and two
  // lines of a three-line paragraph at the foot of a page, its last line alone overleaf.
  it('leaves two lines on either page, also right after a heading', async () => {
    const problems: string[] = [];
    // Text before it of every length, a word at a time: one long paragraph, with its margin.
    const before = (n: number) => `<div><p>${'Dit is afgesproken. '.repeat(n)}</p></div>`;
    // Paragraphs of three, four and five lines (this font, these words).
    for (const words of [18, 24, 30]) {
      for (let n = 120; n <= 150; n++) {
        const sheets = await runner.layOut(`<main>${before(n)}<section><h2>Stand van zaken</h2>${paragraph(words, 'alinea')}${paragraph(60, 'meer')}</section></main>`);
        expect(sheets.length).toBeGreaterThanOrEqual(2);
        problems.push(...lineProblems(sheets, 'alinea').map((p) => `${words} words, filler ${n}: ${p}`));
        problems.push(...headingProblems(sheets).map((p) => `${words} words, filler ${n}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
});

const signature = (names: number) =>
  `<section class="vb-ondertekening">${Array.from({ length: names }, (_, i) => `<div class="vb-ondertekenaar"><p class="vb-functie">De minister van Dienst ${i}</p><p class="vb-naam">Naam ${i}</p></div>`).join('')}</section>`;

describe('the signature block', () => {
  it('takes the last two lines of a long closing paragraph, or a short one whole', async () => {
    const problems: string[] = [];
    for (const [closingWords, names] of [[120, 1], [120, 2], [120, 3], [25, 2], [8, 3]] as const) {
      for (let n = 34; n <= 50; n += 1) {
        const sheets = await runner.layOut(`<main>${filler(n)}${paragraph(closingWords)}${signature(names)}</main>`);
        const s = sheets.findIndex((sh) => sh.blocks.some((b) => b.cls.includes('vb-ondertekening')));
        const sheet = sheets[s]!;
        const closing = sheet.blocks.find((b) => b.text.startsWith('slot') || b.text.includes(`slot${closingWords - 1}`));
        const label = `closing ${closingWords} words, ${names} signatories, filler ${n}`;
        if (!closing) problems.push(`${label}: no line of the closing paragraph on sheet ${s + 1}`);
        else if (closing.continued && closing.lines < 2) problems.push(`${label}: only ${closing.lines} line of it`);
        else if (closing.continued && sheets[s - 1]!.blocks.at(-1)!.lines < 2) problems.push(`${label}: one line left behind`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the signature block after a table or a code block', () => {
  const rows = (n: number) => `<table><thead><tr><th>Nr</th><th>Maatregel</th><th>Stand</th></tr></thead><tbody>${Array.from({ length: n }, (_, i) => `<tr><td>${i + 1}</td><td>Maatregel ${i + 1}</td><td>lopend</td></tr>`).join('')}</tbody></table>`;

  it("takes the table's last row whole, never part of its cells", async () => {
    const problems: string[] = [];
    for (let n = 30; n <= 56; n++) {
      const sheets = await runner.layOut(`<main>${filler(8)}${rows(n)}${signature(2)}</main>`);
      const s = sheets.findIndex((sh) => sh.blocks.some((b) => b.cls.includes('vb-ondertekening')));
      const cut = sheets.flatMap((sh, i) => sh.blocks.filter((b) => b.tag === 'tr' && b.continued).map((b) => `sheet ${i + 1}: "${b.text}"`));
      if (cut.length) problems.push(`${n} rows: a row cut (${cut.join(', ')})`);
      if (!sheets[s]!.blocks.some((b) => b.tag === 'tr' && b.text.startsWith(String(n)))) problems.push(`${n} rows: the last row is not with the signature`);
    }
    expect(problems).toEqual([]);
  });

  it('takes a short table whole, with the heading above it, rather than cut it for its last row', async () => {
    const problems: string[] = [];
    for (let n = 30; n <= 52; n++) {
      const sheets = await runner.layOut(`<main>${filler(n)}<h3>Kop boven kleine tabel</h3>${rows(3)}${signature(1)}</main>`);
      const withRows = sheets.filter((sh) => sh.blocks.some((b) => b.tag === 'tr' && /^\d/.test(b.text)));
      const s = sheets.findIndex((sh) => sh.blocks.some((b) => b.cls.includes('vb-ondertekening')));
      if (withRows.length !== 1) problems.push(`filler ${n}: the table is on ${withRows.length} sheets`);
      else if (withRows[0] !== sheets[s]) problems.push(`filler ${n}: the table is not with the signature`);
      else if (!sheets[s]!.blocks.some((b) => b.tag === 'h3')) problems.push(`filler ${n}: the heading stayed behind`);
    }
    expect(problems).toEqual([]);
  });

  it('takes the last two lines of a code block with it', async () => {
    const problems: string[] = [];
    for (let n = 36; n <= 56; n++) {
      const code = `<pre><code>${Array.from({ length: n }, (_, i) => `regel ${i + 1}`).join('\n')}</code></pre>`;
      const sheets = await runner.layOut(`<main>${filler(4)}${code}${signature(1)}</main>`);
      const s = sheets.findIndex((sh) => sh.blocks.some((b) => b.cls.includes('vb-ondertekening')));
      if (!sheets[s]!.text.includes(`regel ${n}`)) problems.push(`${n} lines: the signature stands without the code's last line`);
      if (s > 0 && !sheets[s]!.text.includes(`regel ${n - 1}`)) problems.push(`${n} lines: only one line of the code with the signature`);
    }
    expect(problems).toEqual([]);
  });
});

const table = (rows: number, caption = true) =>
  `<table>${caption ? '<caption>Tabel 1. Meldingen per regio</caption>' : ''}<thead><tr><th>Regio</th><th>Meldingen</th></tr></thead><tbody>${Array.from({ length: rows }, (_, i) => `<tr><td>rij${i}</td><td>${100 + i}</td></tr>`).join('')}</tbody></table>`;

describe('tables', () => {
  it('a long table starts where its header and three rows fit, and repeats its header', async () => {
    for (let n = 10; n <= 48; n += 2) {
      const sheets = await runner.layOut(`<main>${filler(n)}${table(70)}${paragraph(40)}</main>`);
      const label = `filler ${n}`;
      const first = sheets.findIndex((s) => s.blocks.some((b) => b.tag === 'tr'));
      const before = sheets[first - 1];
      if (before) {
        // Pushed on: the page before had no room for the caption, the header and three rows.
        const room = before.textBottom - Math.max(...before.blocks.map((b) => b.bottom));
        const rowsHeight = sheets[first]!.blocks.filter((b) => b.tag === 'tr' || b.tag === 'caption').slice(0, 5).reduce((h, b) => h + b.bottom - b.top, 0);
        expect(room, label).toBeLessThan(rowsHeight);
      }
      const withRows = sheets.filter((s) => s.blocks.some((b) => /^rij/.test(b.text)));
      expect(withRows.length, label).toBeGreaterThanOrEqual(2);
      for (const s of withRows) {
        const rows = s.blocks.filter((b) => b.tag === 'tr');
        expect(rows[0]!.text, label).toMatch(/^Regio/);
        expect(rows.length, label).toBeGreaterThanOrEqual(4);
      }
      // The caption is on the page of the first row.
      expect(sheets[first]!.blocks.some((b) => b.tag === 'caption'), label).toBe(true);
    }
  });

  it('a short table (under twelve rows) moves whole, caption and all, however much room it leaves', async () => {
    for (let n = 20; n <= 52; n += 2) {
      const sheets = await runner.layOut(`<main>${filler(n)}${table(10)}${paragraph(40)}</main>`);
      const withRows = sheets.filter((s) => s.blocks.some((b) => b.tag === 'tr' || b.tag === 'caption'));
      expect(withRows.length, `filler ${n}`).toBe(1);
    }
  });
});

describe('a long table that fits on one page', () => {
  it('moves whole only when that leaves at most a third of the page empty; otherwise it starts where it is', async () => {
    const problems: string[] = [];
    let cut = 0;
    let moved = 0;
    for (const [n, size] of [...Array.from({ length: 13 }, (_, i) => [4 + 3 * i, 36]), ...Array.from({ length: 14 }, (_, i) => [26 + i, 14])]) {
      const sheets = await runner.layOut(`<main>${filler(n!)}${table(size!)}${paragraph(40)}</main>`);
      const first = sheets.findIndex((s) => s.blocks.some((b) => b.tag === 'tr'));
      const page = sheets[0]!.textBottom - sheets[0]!.textTop;
      const before = sheets[first - 1];
      if (before) {
        const empty = before.textBottom - Math.max(...before.blocks.map((b) => b.bottom));
        // (For 14 rows, Chromium itself breaks before the table at some heights, leaving up
        // to 36%: only the parts are checked there.)
        if (size === 36 && empty > page / 3) problems.push(`${size} rows, filler ${n}: the table moved on and left ${Math.round((100 * empty) / page)}% of the page empty`);
      }
      const withRows = sheets.filter((s) => s.blocks.some((b) => /^rij/.test(b.text)));
      if (withRows.length > 1) cut++;
      else if (first > 0) moved++;
      // Cut or not, each part opens with the header and has three rows or more.
      for (const s of withRows) {
        const rows = s.blocks.filter((b) => b.tag === 'tr');
        if (rows[0]?.text.startsWith('Regio') !== true || rows.length < 4) problems.push(`${size} rows, filler ${n}: a part of ${rows.length - 1} rows, or without its header`);
      }
    }
    expect(problems).toEqual([]);
    // Both happen over the range: the rule is not "always cut".
    expect(cut).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
  });
});

describe('the title of a table', () => {
  // {{reekstabel}} writes its title as a paragraph in bold right above the table.
  it('goes where the table goes, but a source line under a chart does not', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `<tr><td>${2017 + i}</td><td>${1000 + i}</td></tr>`).join('');
    const problems: string[] = [];
    for (let n = 30; n <= 50; n++) {
      for (const [title, kept] of [['<p><strong>Plaatsen in de vrouwenopvang</strong> (aantal)</p>', true], ['<p><em>Bron: CBS.</em></p>', false]] as const) {
        await runner.layOut(`<main>${filler(n)}${title}<table><thead><tr><th>Jaar</th><th>Plaatsen</th></tr></thead><tbody>${rows}</tbody></table>${paragraph(40)}</main>`);
        const { titleSheet, tableSheet } = await runner.page.evaluate(() => {
          const sheetOf = (el: Element | null) => Array.from(document.querySelectorAll('.vb-blad')).findIndex((s) => s.contains(el));
          return { titleSheet: sheetOf(document.querySelector('.vb-blad-stroom main > p')), tableSheet: sheetOf(document.querySelector('thead')) };
        });
        if (kept && titleSheet !== tableSheet) problems.push(`filler ${n}: the title on sheet ${titleSheet + 1}, the table on ${tableSheet + 1}`);
        // The source line fits below 45 lines of filler; only the table moves on.
        if (!kept && n < 45 && titleSheet !== 0) problems.push(`filler ${n}: the source line moved to sheet ${titleSheet + 1}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('figures', () => {
  it('keep their figcaption with them', async () => {
    for (let n = 30; n <= 48; n += 2) {
      const figure = `<figure><svg width="300" height="200" viewBox="0 0 300 200"><rect width="300" height="200" fill="#ccc"/></svg><figcaption>Figuur 1. Meldingen per jaar</figcaption></figure>`;
      await runner.layOut(`<main>${filler(n)}${figure}${paragraph(40)}</main>`);
      const sheets = await runner.page.evaluate(() => {
        const sheetOf = (el: Element | null) => Array.from(document.querySelectorAll('.vb-blad')).findIndex((s) => s.contains(el));
        return [sheetOf(document.querySelector('figure svg')), sheetOf(document.querySelector('figcaption'))];
      });
      expect(sheets[0], `filler ${n}`).toBeGreaterThanOrEqual(0);
      expect(sheets[1], `filler ${n}`).toBe(sheets[0]);
      expect(await runner.page.evaluate(() => document.querySelectorAll('figcaption').length), `filler ${n}`).toBe(1);
    }
  });
});

describe('footnote calls in a row', () => {
  it('are separated by a superscript comma, and single calls are not', async () => {
    const note = (n: number) => `<span class="footnote" data-footnote="${n}">Kamerstukken II, 2024-2025, 29279, nr. ${n}.</span>`;
    const sheets = await runner.layOut(`<main><p>Een bewering${note(1)}${note(2)} en nog een${note(3)} ${note(4)}${note(5)}, en een losse${note(6)}.</p></main>`);
    const sep = await runner.page.evaluate(() =>
      Array.from(document.querySelectorAll('.vb-noot-scheiding'), (s) => {
        const prev = s.previousElementSibling!.getBoundingClientRect();
        const next = s.nextElementSibling!.getBoundingClientRect();
        const r = s.getBoundingClientRect();
        return { between: [s.previousElementSibling!.getAttribute('data-footnote-call'), s.nextElementSibling!.getAttribute('data-footnote-call')], text: s.textContent, inOrder: prev.right <= r.left + 0.5 && r.right <= next.left + 0.5 };
      }),
    );
    expect(sep).toEqual([
      { between: ['1', '2'], text: ',', inOrder: true },
      { between: ['3', '4'], text: ',', inOrder: true },
      { between: ['4', '5'], text: ',', inOrder: true },
    ]);
    expect(sheets[0]!.notes.map((n) => n.nr)).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});
