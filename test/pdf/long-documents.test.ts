import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import puppeteer from 'puppeteer-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { build } from '../../src/build.js';
import { buildWithSharedBrowser, copyFixture, tempDir } from '../helpers/build-fixture.js';
import { fullWidthRows, readPdf, type PdfInfo, type PdfPage } from '../helpers/read-pdf.js';

/**
 * Long documents: contents lists whose page numbers are the pages the headings stand
 * on (read from the PDF's text), the outline nesting every heading level, a report on
 * its own and as a bijlage with its own numbering scheme, and cross-references with
 * their page.
 */

/** The page's text as rows across the whole width. */
const rows = fullWidthRows;

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

async function outline(file: string): Promise<OutlineNode[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const tree = ((await doc.getOutline()) ?? []) as unknown as OutlineNode[];
  await doc.destroy();
  return tree;
}

function find(tree: OutlineNode[], title: RegExp): OutlineNode | undefined {
  for (const n of tree) {
    if (title.test(n.title)) return n;
    const inner = find(n.items, title);
    if (inner) return inner;
  }
  return undefined;
}

/** The font (without subset prefix) and size of each text item on a page, by its text. */
async function fontsOn(file: string, n: number): Promise<Map<string, { font: string; size: number }>> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const page = await doc.getPage(n);
  await page.getOperatorList();
  const content = await page.getTextContent();
  const fonts = new Map<string, { font: string; size: number }>();
  for (const it of content.items) {
    if (!('str' in it) || !it.str.trim()) continue;
    const font = (page.commonObjs.get(it.fontName) as { name: string }).name.replace(/^[A-Z]{6}\+/, '');
    fonts.set(it.str, { font, size: Math.round(Math.abs(it.transform[3] as number) * 10) / 10 });
  }
  await doc.destroy();
  return fonts;
}

/** The contents entries of a page: "<number> <title> <page>" rows. */
function contentsEntries(page: PdfPage): { title: string; page: number }[] {
  return rows(page)
    .filter((r) => r.y < page.height - 60)
    .map((r) => /^(.*\S)\s+(\d+)$/.exec(r.str))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ title: m[1]!, page: Number(m[2]) }));
}

/** The PDF page (1-based) whose body has a row starting with `heading`, other than the contents pages. */
function pageOf(pdf: PdfInfo, heading: string, skip: number[]): number {
  const hits = pdf.pages.filter((p) => !skip.includes(p.number) && rows(p).some((r) => r.str.startsWith(heading)));
  expect(hits.map((p) => p.number), `"${heading}" stands on one page`).toHaveLength(1);
  return hits[0]!.number;
}

/** The page number in the running header of a report page. */
function headerNumber(page: PdfPage): number | undefined {
  const top = rows(page)[0];
  const m = top && /(\d+)$/.exec(top.str);
  return m && top.y > page.height - 60 ? Number(m[1]) : undefined;
}

describe('a rapport on its own', () => {
  let pdf: PdfInfo;
  let file: string;

  beforeAll(async () => {
    const result = await buildWithSharedBrowser(copyFixture('types/rapport'));
    file = result.documents[0]!.pdf;
    pdf = await readPdf(file);
  }, 120_000);

  it('opens with a title page without running header, then the colofon page and "Inhoud"', () => {
    const [title, colofon, inhoud] = pdf.pages;
    const titleRows = rows(title!).map((r) => r.str);
    expect(titleRows).toEqual([
      'Nulmeting Verdrag van Istanbul',
      'De stand van de uitvoering in Nederland',
      'Ministerie van Justitie en Veiligheid',
      '19 november 2024',
    ]);
    expect(headerNumber(title!)).toBeUndefined();
    expect(colofon!.text).toContain('Uitgegeven door het Ministerie van Justitie en Veiligheid');
    expect(rows(inhoud!)[1]!.str).toBe('Inhoud');
    expect(pdf.pages.map((p) => p.text).join('\n')).not.toMatch(/Pagina \d+ van|Onze referentie|Retouradres/);
  });

  it('carries a running header with the title and the page number on every page after the first', () => {
    for (const page of pdf.pages.slice(1)) {
      const top = rows(page)[0]!;
      expect(top.str, `page ${page.number}`).toBe(`Nulmeting Verdrag van Istanbul ${page.number}`);
      expect(headerNumber(page)).toBe(page.number);
    }
  });

  it('starts every chapter on a new page, as the first thing under the header', () => {
    for (const chapter of ['Hoofdstuk I Inleiding', 'Hoofdstuk II Bevindingen']) {
      const n = pageOf(pdf, chapter, [3]);
      expect(rows(pdf.pages[n - 1]!)[1]!.str, chapter).toBe(chapter);
    }
  });

  it('fills the contents list with the pages on which the headings stand', () => {
    const entries = contentsEntries(pdf.pages[2]!);
    expect(entries.map((e) => e.title)).toEqual([
      'Hoofdstuk I Inleiding',
      'I.1 Aanleiding',
      'I.1.1 Eerdere rapportages',
      'I.2 Werkwijze',
      'Hoofdstuk II Bevindingen',
      'II.1 Meldingen',
      'II.1.1 Adviesvragen',
      'II.2 Opvang',
      'Tabel 1. Meldingen bij Veilig Thuis per jaar',
      'Figuur 1. Meldingen bij Veilig Thuis, 2021-2023',
      'Tabel 2. Plaatsen in de vrouwenopvang',
    ]);
    for (const e of entries) expect(e.page, e.title).toBe(pageOf(pdf, e.title, [3]));
  });

  it('makes every contents entry a link into the document', async () => {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
    const links = (await (await doc.getPage(3)).getAnnotations()).filter((a: { subtype: string }) => a.subtype === 'Link');
    await doc.destroy();
    expect(links.length).toBeGreaterThanOrEqual(10);
    expect(links.every((l: { dest?: unknown; url?: string }) => l.dest !== undefined && !l.url)).toBe(true);
  });

  it('writes cross-references with the number and the page of their target', () => {
    const all = pdf.pages.map((p) => rows(p).map((r) => r.str).join(' ')).join(' ');
    const tablePage = pageOf(pdf, 'Tabel 1. Meldingen bij Veilig Thuis per jaar', [3]);
    expect(all).toContain(`In tabel 1 op pagina ${tablePage} staan de meldingen`);
    expect(all).toContain('Zie ook paragraaf I.2 en tabel 1.');
  });

  it('sets the four heading levels apart: size, then weight and slant', async () => {
    const fonts = await fontsOn(file, 5);
    const levels = ['Hoofdstuk I Inleiding', 'I.1 Aanleiding', 'I.1.1 Eerdere rapportages', 'Reactie van de commissie'].map((h) => fonts.get(h)!);
    expect(levels.map((l) => l.font)).toEqual(['FiraSans-Bold', 'FiraSans-Bold', 'FiraSans-BoldItalic', 'FiraSans-Italic']);
    expect(levels[0]!.size).toBeGreaterThan(levels[1]!.size);
    expect(levels[1]!.size).toBeGreaterThan(levels[2]!.size);
    expect(levels[2]!.size).toBe(levels[3]!.size);
  });

  it('nests every heading level in the outline', async () => {
    const tree = await outline(file);
    const chapter = find(tree, /^Hoofdstuk I Inleiding$/)!;
    expect(chapter.items.map((i) => i.title)).toEqual(['I.1 Aanleiding', 'I.2 Werkwijze']);
    const level3 = find(chapter.items, /^I\.1\.1 Eerdere rapportages$/)!;
    expect(find(chapter.items, /^I\.1 Aanleiding$/)!.items.map((i) => i.title)).toEqual(['I.1.1 Eerdere rapportages']);
    expect(level3.items.map((i) => i.title)).toEqual(['Reactie van de commissie']);
  });
});

describe('a rapport as a bijlage, with its own numbering scheme', () => {
  let pdf: PdfInfo;
  let file: string;
  let start: number;

  beforeAll(async () => {
    // bijlagen/02-nulmeting.md: four chapters of sections, subsections and text, without one hand-typed number.
    const dir = copyFixture('rapport-bijlage');
    const result = await buildWithSharedBrowser(dir);
    file = result.documents[0]!.pdf;
    pdf = await readPdf(file);
    start = pdf.pages.findIndex((p) => rows(p).some((r) => r.str === 'Bijlage 2')) + 1;
  }, 120_000);

  it('keeps the letter\'s own scheme in the letter and its plain bijlage', () => {
    const letter = pdf.pages.slice(0, start - 1).map((p) => p.text).join('\n');
    expect(letter).toMatch(/1\. Aanleiding/);
    expect(letter).toMatch(/a\. Het verdrag/);
    expect(letter).toMatch(/Bijlage 1\. Voortgang van de acties/);
    expect(letter).toMatch(/a\. Preventie/);
    // The report counts its own pages: the letter's "Pagina X van Y" does not include them.
    expect(letter).toContain(`Pagina 1 van ${start - 1}`);
  });

  it('sets the letter\'s four heading levels apart at one size, and nests them in the outline', async () => {
    const fonts = await fontsOn(file, 1);
    const levels = ['1. Aanleiding', 'a. Het verdrag', 'Reikwijdte', 'Huiselijk geweld'].map((h) => fonts.get(h));
    expect(levels.map((l) => l?.font)).toEqual(['FiraSans-Bold', 'FiraSans-BoldItalic', 'FiraSans-Italic', 'FiraSans-Regular']);
    expect(new Set(levels.map((l) => l!.size)).size).toBe(1);
    const tree = await outline(file);
    const verdrag = find(tree, /^a\. Het verdrag$/)!;
    expect(find(tree, /^1\. Aanleiding$/)!.items.map((i) => i.title)).toEqual(['a. Het verdrag', 'b. De nulmeting']);
    expect(verdrag.items.map((i) => i.title)).toEqual(['Reikwijdte']);
    expect(verdrag.items[0]!.items.map((i) => i.title)).toEqual(['Huiselijk geweld']);
  });

  it('opens with a title page and numbers its chapters with its own scheme, nothing twice', () => {
    const title = rows(pdf.pages[start - 1]!).map((r) => r.str);
    expect(title.slice(0, 3)).toEqual(['Bijlage 2', 'Nulmeting Verdrag van Istanbul', 'De uitgangssituatie in 2024']);
    const report = pdf.pages.slice(start - 1).map((p) => p.text).join('\n');
    for (const h of ['Hoofdstuk I Preventie', 'I.1 Preventie: onderwerp 1', 'I.1.2 Preventie: onderwerp 1, deel 2', 'Hoofdstuk IV Samenwerking', 'IV.3.2 Samenwerking: onderwerp 3, deel 2']) {
      expect(report).toContain(h);
    }
    expect(report).not.toMatch(/\b[a-z]\. (Hoofdstuk|Preventie|Bescherming)/);
  });

  it('fills its contents list with its own printed page numbers, the ones in its running header', () => {
    const inhoud = pdf.pages[start]!;
    expect(rows(inhoud).some((r) => r.str === 'Inhoud')).toBe(true);
    const entries = contentsEntries(inhoud);
    expect(entries).toHaveLength(4 + 4 * 3 + 4 * 3 * 2);
    const skip = [start + 1];
    for (const e of entries) {
      const n = pageOf(pdf, e.title, skip);
      expect(e.page, e.title).toBe(headerNumber(pdf.pages[n - 1]!));
      expect(e.page).toBe(n - start + 1);
    }
    for (const chapter of ['Hoofdstuk I', 'Hoofdstuk II', 'Hoofdstuk III', 'Hoofdstuk IV']) {
      const e = entries.find((x) => x.title.startsWith(`${chapter} `))!;
      expect(rows(pdf.pages[e.page + start - 2]!)[1]!.str, `${chapter} opens its page`).toMatch(new RegExp(`^${chapter} `));
    }
  });

  it('refers from the letter to a table in the report, with the report\'s page', () => {
    const tablePage = pageOf(pdf, 'Tabel 1. Meldingen per jaar', []);
    expect(pdf.pages[0]!.text.replace(/\s+/g, ' ')).toContain(`staan in tabel 1 op pagina ${tablePage - start + 1} van de nulmeting`);
  });

  it('puts the scheme\'s numbers in the outline, nested by level', async () => {
    const tree = await outline(file);
    const chapter = find(tree, /^Hoofdstuk II Bescherming$/)!;
    expect(chapter.items.map((i) => i.title)).toEqual(['II.1 Bescherming: onderwerp 1', 'II.2 Bescherming: onderwerp 2', 'II.3 Bescherming: onderwerp 3']);
    expect(chapter.items[0]!.items.map((i) => i.title)).toEqual(['II.1.1 Bescherming: onderwerp 1, deel 1', 'II.1.2 Bescherming: onderwerp 1, deel 2']);
    expect(find(tree, /^Nulmeting Verdrag van Istanbul$/)!.items.map((i) => i.title).slice(0, 2)).toEqual(['Hoofdstuk I Preventie', 'Hoofdstuk II Bescherming']);
  });
});

describe('a page reference into a bijlage split off into its own PDF', () => {
  it('leaves out "op pagina", which that document cannot know', async () => {
    const dir = copyFixture('rapport-bijlage');
    const result = await build({ dir, out: tempDir('vb-out-'), split: true, browserWSEndpoint: inject('browserWSEndpoint') });
    expect(result.documents.map((d) => path.basename(d.pdf))).toEqual(['brief.pdf', 'brief-bijlage-1.pdf', 'brief-bijlage-2.pdf']);
    const letter = await readPdf(result.documents[0]!.pdf);
    expect(letter.pages[0]!.text.replace(/\s+/g, ' ')).toContain('staan in tabel 1 van de nulmeting.');
  }, 120_000);
});

describe('straight-through numbering in a letter', () => {
  let pdf: PdfInfo;

  beforeAll(async () => {
    const result = await buildWithSharedBrowser(copyFixture('doorlopend'));
    pdf = await readPdf(result.documents[0]!.pdf);
  }, 120_000);

  it('numbers the ten prioriteiten 1–10 across the four pijlers, in the text and the contents list', () => {
    const text = pdf.pages.map((p) => rows(p).map((r) => r.str).join('\n')).join('\n');
    const inText = [...text.matchAll(/^Prioriteit (\d+) \D/gm)].map((m) => Number(m[1]));
    // Each number twice: once in the contents list, once as the heading.
    expect(inText.filter((_, i) => i >= 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(inText.slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([...text.matchAll(/^Pijler (\d) [A-Z]/gm)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
  });

  it('gives the letter\'s contents list the "Pagina X" of each heading', () => {
    const entries = contentsEntries(pdf.pages[0]!).filter((e) => /^(Pijler|Prioriteit)/.test(e.title));
    expect(entries).toHaveLength(14);
    for (const e of entries) {
      const hits = pdf.pages.filter((p) => rows(p).filter((r) => r.str.startsWith(e.title)).length > (p.number === 1 ? 1 : 0));
      expect(hits.length, e.title).toBeGreaterThan(0);
      expect(e.page, e.title).toBe(hits[0]!.number);
      expect(hits[0]!.text).toContain(`Pagina ${e.page} van ${pdf.pages.length}`);
    }
  });
});

describe('a reference to a page with a two-digit number', () => {
  it('writes the real page, also when the placeholder had fewer digits', async () => {
    const dir = copyFixture('minimal');
    const zin = 'Deze alinea vult de brief met tekst over de aanpak, zodat het slot ver naar achteren valt. ';
    const alineas = Array.from({ length: 90 }, () => zin.repeat(4)).join('\n\n');
    writeFileSync(path.join(dir, 'secties', '02-lang.md'), `---\ntitel: Lang\n---\nHet slot staat in {{verwijzing "slot" pagina=true}}.\n\n${alineas}\n\n# Slot {#slot}\n\nEinde.\n`);
    const result = await buildWithSharedBrowser(dir);
    const pdf = await readPdf(result.documents[0]!.pdf);
    const slot = pageOf(pdf, 'a. Slot', []);
    expect(slot).toBeGreaterThanOrEqual(10);
    const all = pdf.pages.map((p) => rows(p).map((r) => r.str).join(' ')).join(' ');
    expect(all).toContain(`Het slot staat in paragraaf 2a op pagina ${slot}.`);
    // The text was laid out with a one-digit placeholder: it was paginated again with two, so no line grew after its page was cut.
    const browser = await puppeteer.connect({ browserWSEndpoint: inject('browserWSEndpoint') });
    const page = await browser.newPage();
    try {
      await page.goto(`file://${result.documents[0]!.html}`);
      const seen = await page.evaluate(async () => {
        await window.__vbKlaar;
        return { rounds: performance.getEntriesByName('vb:paginering').length, ref: document.querySelector('.vb-paginaverwijzing')?.textContent };
      });
      expect(seen).toEqual({ rounds: 2, ref: String(slot) });
    } finally {
      await page.close();
      await browser.disconnect();
    }
  }, 120_000);
});
