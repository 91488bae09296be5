import type { PdfFile } from './pdf-file.js';
import { PdfDict, PdfName, PdfRef, PdfString } from './pdf-syntax.js';
import { elementsOf, type StructTree } from './structure-tree.js';

/**
 * Gives each link annotation the accessible name of its link as /Contents (PDF/UA
 * 7.18.5): "Voetnoot 3" for a footnote call, the link text for a web address.
 * `names` is keyed by named destination (an element id) or by URL. Returns the names
 * given, by annotation object number.
 */
export function describeLinks(file: PdfFile, pages: PdfRef[], names: Record<string, string>): Map<number, string> {
  const known = new Map(Object.entries(names));
  const described = new Map<number, string>();
  for (const pageRef of pages) {
    const annots = file.dict(pageRef)?.get('Annots');
    const refs = annots instanceof PdfRef ? file.get(annots) : annots;
    if (!Array.isArray(refs)) continue;
    for (const ref of refs) {
      if (!(ref instanceof PdfRef)) continue;
      const annot = file.dict(ref);
      if (!annot || annot.name('Subtype') !== 'Link' || annot.get('Contents') !== undefined) continue;
      const name = known.get(targetOf(file, annot) ?? '');
      if (!name) continue;
      file.set(ref.num, annot.clone().set('Contents', PdfString.text(name)));
      described.set(ref.num, name);
    }
  }
  return described;
}

function targetOf(file: PdfFile, annot: PdfDict): string | undefined {
  const dest = annot.get('Dest');
  // Chromium writes an element id as a name of UTF-8 bytes.
  if (dest instanceof PdfName) return Buffer.from(dest.name, 'latin1').toString('utf8');
  if (dest instanceof PdfString) return dest.text();
  const action = file.dict(annot.get('A'));
  const uri = action?.get('URI');
  return uri instanceof PdfString ? uri.text() : undefined;
}

/**
 * A footnote call's number is CSS generated content, which Chromium paints but does not
 * tag: the Link element holds only its annotation. Such a link gets the annotation's
 * description as its alternative text, so the reading order says "Voetnoot 3" there.
 */
export function nameEmptyLinks(tree: StructTree, names: Map<number, string>): void {
  for (const e of elementsOf(tree)) {
    if (e.type !== 'Link' || e.dict.get('Alt') !== undefined || e.kids.some((k) => k.kind !== 'objr')) continue;
    const annotation = e.kids.find((k) => k.kind === 'objr')?.annotation;
    const name = annotation && names.get(annotation.num);
    if (name) e.dict.set('Alt', PdfString.text(name));
  }
}
