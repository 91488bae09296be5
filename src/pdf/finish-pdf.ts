import { describeLinks, nameEmptyLinks } from './finish/describe-links.js';
import { makeNotes } from './finish/make-notes.js';
import { markArtifacts, pageRefs } from './finish/mark-artifacts.js';
import { PdfFile } from './finish/pdf-file.js';
import { PdfDict, PdfName, PdfString } from './finish/pdf-syntax.js';
import { elementsOf, readIds, readStructTree, writeStructTree } from './finish/structure-tree.js';
import { levelHeadings, takeMisplacedContent, tidyStructure } from './finish/tidy-structure.js';
import { xmpMetadata } from './finish/xmp-metadata.js';

/** What the PDF says about itself, beyond what Chromium writes. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  /** Written as CreationDate and ModDate, so the same letter gives the same bytes. */
  date: Date;
  /** The numbers of the footnotes the page marked for the structure tree, in document order. */
  notes?: number[];
  /** The accessible names of the links, by element id or URL. */
  links?: Record<string, string>;
}

const CREATOR = 'voortgangsbrief';
const PRODUCER = 'Skia/PDF via voortgangsbrief';

/**
 * Chromium writes a tagged PDF with the current time, no author, no XMP metadata, and a
 * structure tree shaped like the accessibility tree (NonStruct around every run of
 * text, untagged furniture). This reads the file's objects, fixes those in place and
 * writes the file again; objects it does not change (fonts, images) are copied byte
 * for byte. A file it cannot read keeps Chromium's structure, with stable dates.
 */
export function finishPdf(pdf: Uint8Array, meta: PdfMetadata): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const stamp = pdfDate(meta.date);
  const dated = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}[^)]*\)/g, (whole, key: string) => {
    const value = `/${key} (${stamp})`;
    return value.length === whole.length ? value : whole;
  });
  const stable = stableNodeIds(dated);
  const file = PdfFile.parse(stable);
  const catalogRef = file?.trailer.ref('Root');
  const catalog = file?.dict(catalogRef);
  if (!file || !catalogRef || !catalog) return Buffer.from(stable, 'latin1');

  const pages = pageRefs(file, catalog);
  const linkNames = describeLinks(file, pages, meta.links ?? {});
  const tree = readStructTree(file, catalog);
  let misplaced = new Map<number, Set<number>>();
  if (tree) {
    const ids = makeNotes(tree, meta.notes ?? []);
    tidyStructure(tree);
    levelHeadings(tree);
    nameEmptyLinks(tree, linkNames);
    misplaced = takeMisplacedContent(tree);
    const byNumber = new Map(elementsOf(tree).map((e) => [e.ref?.num, e]));
    for (const [id, num] of readIds(file, tree)) {
      const elem = byNumber.get(num);
      if (elem) ids.set(id, elem);
    }
    writeStructTree(file, tree, ids);
  }
  markArtifacts(file, pages, misplaced);

  const info = PdfDict.of({
    Title: PdfString.text(meta.title),
    Author: PdfString.text(meta.author),
    ...(meta.subject ? { Subject: PdfString.text(meta.subject) } : {}),
    Creator: new PdfString(CREATOR),
    Producer: new PdfString(PRODUCER),
    CreationDate: new PdfString(stamp),
    ModDate: new PdfString(stamp),
  });
  const trailer = file.trailer.clone();
  const infoRef = trailer.ref('Info');
  if (infoRef) file.set(infoRef.num, info);
  else trailer.set('Info', file.add(info));

  const lang = catalog.get('Lang');
  const xmp = xmpMetadata({
    title: meta.title,
    author: meta.author,
    subject: meta.subject,
    language: lang instanceof PdfString ? lang.text() : 'nl',
    date: meta.date,
    creator: CREATOR,
    producer: PRODUCER,
  });
  const metadata = file.add(PdfDict.of({ Type: new PdfName('Metadata'), Subtype: new PdfName('XML') }), Buffer.from(xmp, 'utf8').toString('latin1'));
  file.set(catalogRef.num, catalog.clone().set('Metadata', metadata));
  return file.write(trailer);
}

/**
 * Tagged table cells carry ids like (node00000408), taken from a renderer-wide DOM
 * node counter that drifts between runs. They appear in /ID, /Headers and the ID name
 * tree (/Names, /Limits). Replacing each by its rank keeps the name tree sorted and,
 * at the same width, moves no byte of the file.
 */
function stableNodeIds(text: string): string {
  const entries = /\/ID \(node\d+\)|\/Headers \[[^\]]*\]|\/Limits \[[^\]]*\]|\/Names \[[^\]]*\]/g;
  const seen = new Set<string>();
  for (const entry of text.match(entries) ?? []) {
    for (const m of entry.matchAll(/\(node(\d+)\)/g)) seen.add(m[1]!);
  }
  const rank = new Map([...seen].sort((a, b) => Number(a) - Number(b)).map((d, i) => [d, String(i + 1).padStart(d.length, '0')]));
  // Only inside those entries: the same pattern inside binary stream data is left alone.
  return text.replace(entries, (entry) =>
    entry.replace(/\(node(\d+)\)/g, (whole, digits: string) => {
      const id = rank.get(digits);
      return id && id.length === digits.length ? `(node${id})` : whole;
    }),
  );
}

/** D:YYYYMMDDHHmmSS+00'00', the length Chromium uses, in UTC. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}
