import { headingReference, type LabelTarget } from '../numbering/label-target.js';
import type { ReferenceList } from '../numbering/reference-list.js';
import type { RenderedSection } from '../markdown/render-markdown.js';
import type { RenderedPart } from './render-parts.js';

interface Parts {
  inleiding: RenderedSection;
  secties: RenderedPart[];
  bijlagen: RenderedPart[];
}

/** Sections and bijlagen named by `label:` in their front matter. */
function partTargets(parts: Parts): LabelTarget[] {
  const targets: LabelTarget[] = [];
  const add = (part: RenderedPart, id: string, text: string) => {
    const label = part.source.meta.label;
    if (!label) return;
    const position = part.source.locate?.(['label']) ?? { file: part.source.file, line: 1, column: 1 };
    targets.push({ label, id, text, position });
  };
  parts.secties.forEach((s, i) => add(s, `sectie-${i + 1}`, headingReference(s.nummer, s.scheme, s.source.meta.titel)));
  parts.bijlagen.forEach((b, i) => add(b, `bijlage-${i + 1}`, `bijlage ${i + 1}`));
  return targets;
}

/**
 * Checks every {{verwijzing}} against the labels of the whole document and returns a
 * function that gives a rendered part with its references written out. Rendered parts
 * may be cached between builds, so they are copied, never changed.
 */
export function resolveReferences(references: ReferenceList, parts: Parts) {
  const all = [parts.inleiding, ...parts.secties, ...parts.bijlagen];
  const targets = references.check([...partTargets(parts), ...all.flatMap((p) => p.targets)]);
  return <T extends RenderedSection>(part: T): T => ({
    ...part,
    html: references.resolveHtml(part.html, targets),
    headings: part.headings.map((h) => ({ ...h, tekst: references.resolveText(h.tekst, targets) })),
    captions: part.captions.map((c) => ({ ...c, tekst: references.resolveText(c.tekst, targets) })),
  });
}
