import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { buildWithSharedBrowser, FIXTURES, REPO_ROOT } from '../helpers/build-fixture.js';
import { readPdf, type PdfInfo } from '../helpers/read-pdf.js';
import {
  destination,
  destinationPage,
  figures,
  elements,
  linkAnnotations,
  markedText,
  readingOrder,
  readStructure,
  readXmp,
  textOf,
  unclaimedMarks,
  type StructNode,
  type Structure,
} from '../helpers/read-structure.js';

interface Case {
  name: string;
  dir: string;
  /** The text of an H1: the Betreft, or the title of a print. */
  title: string;
  /** The page the letter starts on, whose colofon is content (none for a print or a lone cover). */
  letterPage?: number;
  /** Text of that page's colofon that must be tagged content, once. */
  colofon: string[];
  /** Furniture text that must never be tagged content. */
  furniture: RegExp[];
  /** Whether the letter has sections (H2). */
  sections: boolean;
}

const TYPES = path.join(FIXTURES, 'types');
const letterFurniture = [/^Onze referentie$/, /^Pagina \d+ van \d+$/];
const CASES: Case[] = [
  {
    name: 'the example letter',
    dir: REPO_ROOT,
    title: 'Voortgang aanpak huiselijk geweld en kindermishandeling 2025',
    letterPage: 1,
    colofon: ['Directoraat-Generaal Langdurige Zorg en Jeugd', 'Onze referentie', '4123456-1087654-DJFS'],
    furniture: letterFurniture,
    sections: true,
  },
  {
    name: 'kamerbrief',
    dir: path.join(TYPES, 'kamerbrief'),
    title: 'Stand van zaken Veilig Thuis',
    letterPage: 1,
    colofon: ['Onze referentie', '4123456'],
    furniture: letterFurniture,
    sections: true,
  },
  {
    name: 'kamervragen',
    dir: path.join(TYPES, 'kamervragen'),
    title: 'Antwoorden Kamervragen over ex-partnergeweld',
    letterPage: 1,
    colofon: ['Onze referentie', '3045678', 'Uw referentie', '2020Z15904'],
    furniture: letterFurniture,
    sections: true,
  },
  {
    name: 'verzamelbrief',
    dir: path.join(TYPES, 'verzamelbrief'),
    title: 'Verzamelbrief naar aanleiding van het commissiedebat Zeden en (on)veiligheid van vrouwen',
    letterPage: 1,
    colofon: ['Onze referentie'],
    furniture: letterFurniture,
    sections: true,
  },
  {
    // With the Eerste Kamer cover bound in front: the letter starts on page 2.
    name: 'voortgangsbrief',
    dir: path.join(TYPES, 'voortgangsbrief'),
    title: 'Voortgang aanpak huiselijk geweld en kindermishandeling',
    letterPage: 2,
    colofon: ['Onze referentie'],
    furniture: letterFurniture,
    sections: true,
  },
  {
    name: 'kamerstuk',
    dir: path.join(TYPES, 'kamerstuk'),
    title: 'Nr. 285',
    colofon: [],
    // The running header of the print; its page number is checked by position.
    furniture: [/^Tweede Kamer, vergaderjaar/],
    sections: true,
  },
  {
    name: 'eerste-kamer',
    dir: path.join(TYPES, 'eerste-kamer'),
    title: 'C',
    colofon: [],
    furniture: letterFurniture,
    sections: false,
  },
];

const squash = (s: string): string => s.replace(/[\s\u00AD-]/g, '');

/** The footnotes of the HTML output by number, as plain text. */
function footnoteTexts(html: string): Map<number, string> {
  const out = new Map<number, string>();
  const open = /<span class="footnote[^"]*" data-footnote="(\d+)">/g;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    let depth = 1;
    let i = open.lastIndex;
    while (depth > 0 && i < html.length) {
      const next = html.slice(i).search(/<\/?span\b/);
      if (next < 0) break;
      i += next;
      depth += html.startsWith('</', i) ? -1 : 1;
      i += 5;
    }
    const inner = html.slice(open.lastIndex, i - 5);
    const text = inner.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
    out.set(Number(m[1]), text);
  }
  return out;
}

describe.each(CASES)('tagged PDF structure: $name', (c) => {
  let result: BuildResult;
  let file: string;
  let structure: Structure;
  let all: StructNode[];
  let pdf: PdfInfo;
  beforeAll(async () => {
    result = await buildWithSharedBrowser(c.dir);
    file = result.documents[0]!.pdf;
    structure = readStructure(file);
    all = elements(structure.root).slice(1);
    pdf = await readPdf(file);
  }, 120_000);

  it('is read by poppler without complaints (no unknown types: Strong and Em are in the RoleMap)', async () => {
    expect(structure.errors).toEqual([]);
    expect(all[0]!.type).toBe('Document');
    // Every piece of tagged content belongs to an element, found through the ParentTree.
    expect(await unclaimedMarks(file)).toEqual([]);
    expect(all.length).toBeGreaterThan(10);
  });

  it('leaves the repeated furniture out of the tagged text and keeps the colofon of the letter\'s first page', async () => {
    const texts = all.flatMap((e) => e.kids.filter((k): k is string => typeof k === 'string').map((t) => t.trim()));
    for (const pattern of c.furniture) expect(texts.filter((t) => pattern.test(t))).toEqual(c.colofon.filter((t) => pattern.test(t)));
    const tagged = squash(textOf(structure.root));
    for (const line of c.colofon) expect(tagged).toContain(squash(line));
    // The furniture is still printed on the pages, marked as artifacts; no text is left
    // outside both (PDF/UA 7.1).
    const marked = await markedText(file);
    expect(marked.flat().filter((i) => i.mark === 'none')).toEqual([]);
    for (const [i, items] of marked.entries()) {
      const page = i + 1;
      const furniture = items.filter((it) => c.furniture.some((p) => p.test(it.str.trim())) && !(page === c.letterPage && c.colofon.includes(it.str.trim())));
      expect(furniture.filter((it) => it.mark !== 'artifact'), `page ${page}`).toEqual([]);
      if (c.letterPage && page >= c.letterPage) expect(furniture.map((it) => it.str.trim()), `page ${page}`).toContain(`Pagina ${page - c.letterPage + 1} van ${marked.length - c.letterPage + 1}`);
      if (page === c.letterPage) expect(items.filter((it) => c.colofon.includes(it.str.trim()) && it.mark !== 'tagged')).toEqual([]);
      if (c.name === 'kamerstuk' && page > 1) {
        // Everything in the running header (its text and the page number) is an artifact.
        const header = items.filter((it) => it.y > pdf.pages[i]!.height - 20 * 2.835);
        expect(header.map((it) => it.str.trim())).toContain(String(page));
        expect(header.filter((it) => it.mark !== 'artifact')).toEqual([]);
      }
    }
  });

  it('has a Note for every footnote, with its text and an id, linked from its call', async () => {
    const notes = all.filter((e) => e.type === 'Note');
    expect(notes.length).toBe(result.documents[0]!.footnotes);
    const texts = footnoteTexts(readFileSync(result.documents[0]!.html, 'utf8'));
    expect(notes.map((n) => n.id)).toEqual(notes.map((_, i) => `note-${i + 1}`));
    for (const [i, note] of notes.entries()) {
      expect(squash(textOf(note, ['Lbl'])), `note ${i + 1}`).toBe(squash(texts.get(i + 1) ?? '(missing)'));
      expect(textOf(note.kids.find((k): k is StructNode => typeof k === 'object' && 'type' in k && k.type === 'Lbl') ?? { type: '', kids: [] }).trim()).toBe(String(i + 1));
    }
    // Each call links to its note, on the page the note is on, and the note follows the
    // call in the reading order.
    const links = await linkAnnotations(file);
    // Every link says where it goes (PDF/UA 7.18.5), and a call, whose number is
    // generated content Chromium does not tag, reads as "Voetnoot n" in the structure.
    expect(links.filter((l) => !l.contents)).toEqual([]);
    expect(await withoutAlt(file, 'Link')).toEqual([]);
    const order = readingOrder(structure.root);
    for (let n = 1; n <= notes.length; n++) {
      const call = links.find((l) => l.dest === `note-${n}`);
      expect(call, `call of note ${n}`).toBeDefined();
      expect(call!.contents).toBe(`Voetnoot ${n}`);
      expect(await destinationPage(file, `note-${n}`)).toBe(call!.page);
      const callAt = order.findIndex((k) => typeof k === 'object' && 'annotation' in k && k.annotation === call!.object);
      expect(callAt).toBeGreaterThanOrEqual(0);
      expect(order.indexOf(notes[n - 1]!)).toBeGreaterThan(callAt);
      // …and comes before the text of the next page.
      const nextPageCall = links.find((l) => l.page > call!.page && l.dest?.startsWith('note-'));
      if (nextPageCall) {
        const nextAt = order.findIndex((k) => typeof k === 'object' && 'annotation' in k && k.annotation === nextPageCall.object);
        expect(order.indexOf(notes[n - 1]!)).toBeLessThan(nextAt);
      }
    }
  });

  it('puts every list item in a list, holding a label and a body', () => {
    const parentOf = new Map<StructNode, StructNode>();
    for (const e of all) for (const k of e.kids) if (typeof k === 'object' && 'type' in k) parentOf.set(k, e);
    const items = all.filter((e) => e.type === 'LI');
    expect(items.filter((li) => parentOf.get(li)?.type !== 'L')).toEqual([]);
    for (const li of items) {
      const kids = li.kids.map((k) => (typeof k === 'object' && 'type' in k ? k.type : 'content'));
      expect(kids.every((t) => t === 'Lbl' || t === 'LBody'), kids.join(',')).toBe(true);
    }
  });

  it('has fewer than 20% NonStruct elements', () => {
    const nonStruct = all.filter((e) => e.type === 'NonStruct').length;
    expect(nonStruct / all.length).toBeLessThan(0.2);
  });

  it('makes the title the one H1 of its part and the sections H2, and gives figures alt text', async () => {
    const headings = all.filter((e) => /^H\d$/.test(e.type));
    expect(headings[0]!.type).toBe('H1');
    expect(headings.filter((h) => h.type === 'H1' && squash(textOf(h)).includes(squash(c.title)))).toHaveLength(1);
    // Levels never skip one on the way down.
    for (let i = 1; i < headings.length; i++) expect(Number(headings[i]!.type[1])).toBeLessThanOrEqual(Number(headings[i - 1]!.type[1]) + 1);
    expect(headings.some((h) => h.type === 'H2')).toBe(c.sections);
    expect(await withoutAlt(file, 'Figure')).toEqual([]);
  });

  it('carries XMP metadata for PDF/UA-1 with the title, author, language and dates of the Info dictionary', async () => {
    const xmp = await readXmp(file);
    expect(xmp).toBeDefined();
    const info = pdf.info;
    expect(xmp!.get('pdfuaid:part')).toBe('1');
    expect(xmp!.get('dc:title')).toBe(info.Title);
    expect([xmp!.get('dc:creator')].flat()).toEqual([info.Author]);
    expect([xmp!.get('dc:language')].flat()).toEqual(['nl']);
    const date = String(info.CreationDate).replace(/^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)\+00'00'$/, '$1-$2-$3T$4:$5:$6+00:00');
    expect(xmp!.get('xmp:createdate')).toBe(date);
    expect(xmp!.get('xmp:modifydate')).toBe(date);
    expect(xmp!.raw).toMatch(/^<\?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"\?>/);
  });
});

/**
 * Elements of a role without alternative text, read with pdfjs's structure tree; for
 * links, only those with no text of their own (a footnote call's number is CSS content).
 */
async function withoutAlt(file: string, role: 'Figure' | 'Link'): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const missing: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const tree = await (await doc.getPage(n)).getStructTree();
    const walk = (node: { role?: string; alt?: string; type?: string; children?: unknown[] }): void => {
      const kids = (node.children ?? []) as (typeof node)[];
      const hasText = kids.some((k) => k.type === 'content');
      if (node.role === role && !node.alt?.trim() && (role === 'Figure' || !hasText)) missing.push(`page ${n}`);
      kids.forEach(walk);
    };
    if (tree) walk(tree as never);
  }
  await doc.destroy();
  return missing;
}

describe('tagged PDF structure: a list cut by a page break', () => {
  it('is one L per page, every item in it with its label and body, numbered on', async () => {
    const result = await buildWithSharedBrowser(path.join(FIXTURES, 'cut-list'));
    const file = result.documents[0]!.pdf;
    expect(result.documents[0]!.pages).toBeGreaterThan(1);
    const { root, errors } = readStructure(file);
    expect(errors).toEqual([]);
    const lists = elements(root).filter((e) => e.type === 'L');
    const items = (l: StructNode): StructNode[] => l.kids.filter((k): k is StructNode => typeof k === 'object' && 'type' in k && k.type === 'LI');
    // The numbered list of 40 runs over the break: two lists, the second numbering on.
    const numbered = lists.filter((l) => items(l).some((li) => textOf(li).includes('Actie')));
    expect(numbered).toHaveLength(2);
    const labels = numbered.flatMap(items).map((li) => textOf(li.kids.find((k): k is StructNode => typeof k === 'object' && 'type' in k && k.type === 'Lbl')!).trim());
    expect(labels).toEqual(Array.from({ length: 40 }, (_, i) => `${i + 1}.`));
    const bodies = numbered.flatMap(items).map((li) => squash(textOf(li, ['Lbl'])));
    // The Markdown stage sets the Dutch apostrophe.
    expect(bodies).toEqual(Array.from({ length: 40 }, (_, i) => squash(`Actie ${i + 1}: de regio’s melden elk kwartaal hoe het werk met de partners in de zorg en het onderwijs vordert.`)));
    const all = elements(root);
    expect(all.filter((e) => e.type === 'LI')).toHaveLength(70);
    const parentOf = new Map<StructNode, StructNode>();
    for (const e of all) for (const k of e.kids) if (typeof k === 'object' && 'type' in k) parentOf.set(k, e);
    expect(all.filter((e) => e.type === 'LI' && parentOf.get(e)?.type !== 'L')).toEqual([]);
    expect(all.filter((e) => e.type === 'NonStruct')).toEqual([]);
  });
});

describe("tagged PDF structure: a report's list of tables and figures", () => {
  it('links each figure entry to its chart, a Figure with alt text, at the figure\'s caption', async () => {
    const result = await buildWithSharedBrowser(path.join(TYPES, 'rapport'));
    const file = result.documents[0]!.pdf;
    const pdf = await readPdf(file);
    const charts = await figures(file);
    expect(charts).toHaveLength(1);
    expect(charts[0]!.alt).toMatch(/^Staafdiagram: Meldingen bij Veilig Thuis, 2021-2023 \(aantal\)\. 2021: 130\.800; 2022: 127\.600; 2023: 131\.100\.$/);
    // The entry is a link on the contents page, in the structure tree as well as on the page.
    const links = await linkAnnotations(file);
    const entry = links.find((l) => l.contents?.startsWith('Figuur 1. Meldingen bij Veilig Thuis, 2021-2023'));
    expect(entry, links.map((l) => l.contents).join(' | ')).toBeDefined();
    expect(entry!.page).toBe(3);
    const { root } = readStructure(file);
    const tagged = elements(root).filter((e) => e.type === 'Link' && e.kids.some((k) => typeof k === 'object' && 'annotation' in k && k.annotation === entry!.object));
    expect(tagged.map((e) => squash(textOf(e)))).toEqual([squash(`Figuur 1.Meldingen bij Veilig Thuis, 2021-2023${charts[0]!.page}`)]);
    // It leads to the page of the Figure, to the top of its caption.
    const target = await destination(file, entry!.dest!);
    expect(target?.page).toBe(charts[0]!.page);
    const caption = pdf.pages[target!.page - 1]!.items.find((i) => i.str.startsWith('Figuur 1'));
    expect(caption).toBeDefined();
    // The destination is the caption's top: above its baseline by about one line, no more.
    expect(target!.top! - caption!.y).toBeGreaterThan(0);
    expect(target!.top! - caption!.y).toBeLessThan(1.6 * caption!.size);
  }, 120_000);
});
