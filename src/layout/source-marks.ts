import { wholeFile, type SourcePosition } from '../diagnostics/diagnostic.js';
import type { RenderedSection } from '../markdown/render-markdown.js';
import type { LetterModel, SectionSource } from '../model/build-letter-model.js';
import type { RenderedParts } from './render-parts.js';

/** Every mark of a document (rehype-source-marks.ts) → the place in the author's source. */
export type SourceMarks = Record<string, SourcePosition>;

/**
 * The marks of all parts, and those of what the layout's partials write around the
 * Markdown: a section's or bijlage's <section> has the mark `sectie-<n>` /
 * `bijlage-<n>` (the file), its heading `….titel` (the `titel:` in its front matter).
 */
export function collectSourceMarks(model: LetterModel, parts: RenderedParts): SourceMarks {
  const marks: SourceMarks = {};
  const add = (section: RenderedSection | undefined) => Object.assign(marks, section?.marks);
  const around = (id: string, source: SectionSource) => {
    marks[id] = wholeFile(source.file);
    marks[`${id}.titel`] = source.locate?.(['titel']) ?? wholeFile(source.file);
  };
  [parts.voorblad, parts.aanhef, parts.inleiding, parts.colofon].forEach(add);
  parts.secties.forEach((s, i) => {
    add(s);
    around(`sectie-${i + 1}`, s.source);
  });
  parts.bijlagen.forEach((b, i) => {
    add(b);
    add(b.colofon);
    around(`bijlage-${i + 1}`, b.source);
  });
  // Text of the layout itself (the letterhead, the signature) comes from brief.md's fields.
  marks[''] = wholeFile(model.project.brief);
  return marks;
}

/*
 * A mark is always an element's first attribute, written by rehype-source-marks.ts or a
 * partial as `<tag data-vb-at="…"`. Text never holds a raw "<" (it is written &#x3C;)
 * and an attribute value never a raw quote, so only marks match.
 */
const MARK_ATTRIBUTE = /(<[a-zA-Z][a-zA-Z0-9-]*) data-vb-at="[A-Za-z0-9.-]*"/g;

/** The document without its marks: the HTML that is written as output/<naam>.html. */
export function stripSourceMarks(html: string): string {
  return html.replace(MARK_ATTRIBUTE, '$1');
}
