import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

/*
 * Content wider than the text column (issue 12): the page runner measures the finished
 * pages (src/layout/browser/page-runner/overflow.ts) and the warning names the place in
 * the author's Markdown. Through the real command, as an author runs it.
 */
const BIN = path.join(REPO_ROOT, 'bin/voortgangsbrief.js');
const OVERFLOW = path.join(FIXTURES, 'overflow');
const RULES = new Set(['wider-than-column', 'word-overflows', 'taller-than-page', 'word-broken']);

interface Warning {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  hint?: string;
  rule?: string;
}

function cli(args: string[]) {
  const run = spawnSync('node', [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' }, timeout: 180_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** "secties/01.md:6:1 rule" for each overflow warning of a project, in the order the build reports them. */
function places(warnings: Warning[], project: string): string[] {
  return warnings
    .filter((w) => w.file.startsWith(project + path.sep) && RULES.has(w.rule ?? ''))
    .map((w) => `${path.relative(project, w.file)}:${w.line}:${w.column} ${w.rule}`);
}

describe('content wider than the text column', () => {
  const out = tempDir('vb-overflow-');
  let warnings: Warning[] = [];
  let status: number | null = null;
  // hoog-beeld once more, as a team has it whose own style.css predates the rule that
  // scales images down (templates/style.css): there the image sticks out and is cut off.
  const ownStyle = tempDir('vb-eigen-stijl-');
  beforeAll(() => {
    cpSync(path.join(OVERFLOW, 'hoog-beeld'), ownStyle, { recursive: true });
    cpSync(path.join(OVERFLOW, 'brede-tabel', 'secties', 'kaart.svg'), path.join(ownStyle, 'secties', 'kaart.svg'));
    writeFileSync(path.join(ownStyle, 'secties', '02-kaart.md'), '---\ntitel: Kaart\n---\nDe regio\'s op een kaart.\n\n![Kaart van de regio\'s in Nederland](kaart.svg)\n');
    const builtIn = readFileSync(path.join(REPO_ROOT, 'templates', 'style.css'), 'utf8');
    const older = builtIn.replace(/\.vb-blad-tekst img \{[^}]*\}/, '');
    expect(older.length, 'the rule that scales images is there to take out').toBeLessThan(builtIn.length);
    mkdirSync(path.join(ownStyle, 'templates'));
    writeFileSync(path.join(ownStyle, 'templates', 'style.css'), older);
    // All fixtures in one run: one Chromium.
    const run = cli(['build', ...['brede-tabel', 'lang-woord', 'hoog-beeld', 'register-woord'].map((p) => path.join(OVERFLOW, p)), ownStyle, '--out', out, '--json']);
    status = run.status;
    expect(run.stderr).not.toMatch(/^\s+at |internal error/m);
    warnings = (JSON.parse(run.stdout) as { warnings: Warning[] }).warnings;
  });

  it('is a warning, and without --strict the build still writes the PDF and HTML', () => {
    expect(status).toBe(0);
    expect(readdirSync(path.join(out, 'brede-tabel'))).toEqual(expect.arrayContaining(['brief.pdf', 'brief.html']));
    expect(readdirSync(path.join(out, 'lang-woord'))).toEqual(expect.arrayContaining(['brief.pdf', 'brief.html']));
    for (const w of warnings.filter((w) => RULES.has(w.rule ?? ''))) {
      expect(w.severity).toBe('warning');
      expect(w.hint?.trim()).toBeTruthy();
    }
  });

  it('names each table that sticks out, once, at its place in the Markdown; an image 160 mm wide is scaled to the column', async () => {
    const project = path.join(OVERFLOW, 'brede-tabel');
    expect(places(warnings, project)).toEqual([
      'secties/01-cijfers.md:6:1 wider-than-column',
      // Sixty rows over several pages: one warning for the table, not one per page.
      'secties/02-gemeenten.md:6:1 wider-than-column',
    ]);
    const [first] = warnings.filter((w) => w.file.startsWith(project + path.sep));
    expect(first!.message).toMatch(/^a table of 12 columns is \d+\.\d mm wide and sticks out of the text column \(115\.0 mm\) by \d+\.\d mm on page 1 of the PDF$/);
    expect(first!.hint).toMatch(/fewer columns/);

    // The PDF shows what the warning says: the header runs past the column's right edge
    // (22 mm + 115 mm from the sheet's left), and the long table is on more than one page.
    const pdf = await readPdf(path.join(out, 'brede-tabel', 'brief.pdf'));
    const columnRight = ((22 + 115) / 25.4) * 72;
    const header = pdf.pages[0]!.items.find((i) => i.str === 'Onderzoeken');
    expect(header, 'the header cell is on page 1').toBeDefined();
    expect(header!.x).toBeGreaterThan(columnRight);
    expect(pdf.pages.filter((p) => p.items.some((i) => i.str === 'Gemeente')).length).toBeGreaterThanOrEqual(2);
  });

  it('scales an image taller than the text area down to fit it: nothing is cut off', () => {
    expect(places(warnings, path.join(OVERFLOW, 'hoog-beeld'))).toEqual([]);
  });

  it('with a style.css of its own that does not scale images: names the image wider than the column, and the one taller than the text area, which the sheet cuts off, not one that fits', () => {
    expect(places(warnings, ownStyle)).toEqual(['secties/01-beeld.md:6:1 taller-than-page', 'secties/02-kaart.md:6:1 wider-than-column']);
    const [tall, wide] = warnings.filter((w) => w.file.startsWith(ownStyle + path.sep));
    expect(wide!.message).toMatch(/^an image is 160\.0 mm wide and sticks out of the text column \(115\.0 mm\) by 45\.0 mm on page \d+ of the PDF$/);
    // 1200 px is 317.5 mm; a following page's text area is 245 mm high.
    expect(tall!.message).toMatch(/^an image is 317\.5 mm tall and runs 72\.5 mm past the foot of the text area \(245\.0 mm high\) on page 3 of the PDF; the part below is cut off$/);
    expect(tall!.hint).toMatch(/wider, lower shape/);
  });

  it('names each line whose word cannot break, once per paragraph, list item, code block, heading and footnote', () => {
    const project = path.join(OVERFLOW, 'lang-woord');
    expect(places(warnings, project).sort()).toEqual(
      [
      // The paragraph with two 120-character tokens: one warning.
      'secties/01-bestand.md:6:1 word-overflows',
      'secties/01-bestand.md:8:1 word-overflows',
      'secties/01-bestand.md:13:1 word-overflows',
      // The footnote: where its definition is, not where it is called.
      'secties/01-bestand.md:17:1 word-overflows',
      // A section's heading comes from its front matter: the place of `titel:`'s value.
      'secties/02-titel.md:2:8 word-overflows',
      ].sort(),
    );
    const own = warnings.filter((w) => w.file.startsWith(project + path.sep));
    const paragraph = own.find((w) => w.line === 6)!;
    expect(paragraph.message).toMatch(/^the word "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCD…" \(120 characters\) cannot be broken and sticks out of its paragraph by \d+\.\d mm on page 1 of the PDF$/);
    expect(own.find((w) => w.line === 8)!.message).toContain('of its list item');
    expect(own.find((w) => w.line === 13)!.message).toMatch(/^a line of a code block/);
    expect(own.find((w) => w.line === 17)!.message).toContain('of its footnote');
    expect(own.find((w) => w.line === 17)!.hint).toMatch(/a URL breaks only after/);
  });

  it('names a word in text the register bijlage makes from a record at its field in the data file', () => {
    const project = path.join(OVERFLOW, 'register-woord');
    // Bijlage 1's table breaks it, bijlage 2 lists the records as sections, where it sticks out.
    expect(places(warnings, project)).toEqual(['data/moties.yaml:20:20 word-broken', 'data/moties.yaml:20:20 word-overflows']);
    const [broken, word] = warnings.filter((w) => w.file.startsWith(project + path.sep));
    expect(broken!.message).toMatch(/^the word "overzicht_meldingen_huiselijk_geweld_per…" \(102 characters\) is broken over two lines in a cell of a table of 3 columns on page 2 of the PDF: its column is too narrow for it, even with the table set smaller$/);
    expect(broken!.hint).toMatch(/fewer columns/);
    expect(word!.message).toMatch(/^the word "overzicht_meldingen_huiselijk_geweld_per…" \(102 characters\) cannot be broken and sticks out of its paragraph by \d+\.\d mm on page 3 of the PDF$/);
  });

  it('leaves the source marks out of the HTML it writes', () => {
    for (const project of ['brede-tabel', 'lang-woord']) {
      const html = readFileSync(path.join(out, project, 'brief.html'), 'utf8');
      expect(html).toContain('<section class="vb-sectie" id="sectie-1">');
      expect(html).not.toContain('data-vb-at');
    }
  });
});

describe('content wider than the text column with --strict', () => {
  it('fails the build (exit 1) at the place in the Markdown, and leaves the previous output as it was', () => {
    const out = tempDir('vb-overflow-strict-');
    writeFileSync(path.join(out, 'brief.pdf'), '%PDF-1.7\n% previous build\n%%EOF\n');
    writeFileSync(path.join(out, 'brief.html'), '<!doctype html><title>vorige versie</title>\n');
    const run = cli(['build', path.relative(REPO_ROOT, path.join(OVERFLOW, 'lang-woord')), '--out', out, '--strict']);
    expect(run.status).toBe(1);
    const shown = path.relative(REPO_ROOT, path.join(OVERFLOW, 'lang-woord', 'secties', '01-bestand.md'));
    expect(run.stderr).toContain(`${shown}:6:1: error: the word "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCD…" (120 characters) cannot be broken`);
    expect(run.stderr).toContain('hint: a long file name, code or URL has no place to break');
    expect(run.stderr).not.toMatch(/^\s+at |internal error/m);
    expect(readFileSync(path.join(out, 'brief.pdf'), 'utf8')).toBe('%PDF-1.7\n% previous build\n%%EOF\n');
    expect(readFileSync(path.join(out, 'brief.html'), 'utf8')).toBe('<!doctype html><title>vorige versie</title>\n');
    expect(readdirSync(out).sort()).toEqual(['brief.html', 'brief.pdf']);
  });
});

describe('a letter that fits its column', () => {
  it('gives no overflow warning: the bundled example (long URLs in its footnotes) and test/fixtures/minimal', () => {
    const out = tempDir('vb-overflow-clean-');
    const run = cli(['build', REPO_ROOT, path.join(FIXTURES, 'minimal'), '--out', out, '--json', '--strict']);
    expect(run.stderr).not.toMatch(/^\s+at |internal error/m);
    expect(run.status, run.stderr).toBe(0);
    const { warnings, documents } = JSON.parse(run.stdout) as { warnings: Warning[]; documents: { pages: number }[] };
    expect(warnings).toEqual([]);
    expect(documents[0]!.pages).toBeGreaterThan(10);
    // The example's sources (cited in footnotes) hold URLs of over 100 characters, which
    // break after their "/" and "." (rehype-url-breaks.ts): there was something to measure.
    expect(readFileSync(path.join(REPO_ROOT, 'data', 'bronnen.yaml'), 'utf8')).toMatch(/https:\/\/\S{100,}/);
  });
});
