import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { PositionMap } from '../diagnostics/position-map.js';

/**
 * The attribute that ties an element of the page back to where the author wrote it.
 * Its value names an entry of the document's marks table (RenderedDocument.marks),
 * never a path: the page shows no file names, and a value is the same on every machine.
 */
export const SOURCE_MARK = 'data-vb-at';

/* The elements whose text or width the page runner measures (overflow.ts), and the
   footnote span whose text becomes a note at the foot of the page. */
const MARKED = new Set(['p', 'li', 'table', 'td', 'th', 'figure', 'img', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd', 'figcaption', 'caption']);

export interface SourceMarkOptions {
  map: PositionMap;
  /** Unique in the document: the part's id prefix ("sectie-2"). */
  prefix: string;
  /** Filled with mark → position in the author's own source. */
  marks: Record<string, SourcePosition>;
}

/**
 * Gives every block element with a source position a mark, as its first attribute (so
 * stripSourceMarks can take it out again exactly), and records where the author wrote
 * it. Runs after the sanitiser, so an author cannot write a mark of their own.
 */
export function rehypeSourceMarks(options: SourceMarkOptions) {
  return (tree: Root) => {
    let n = 0;
    visit(tree, 'element', (node: Element) => {
      const footnote = node.tagName === 'span' && node.properties.dataFootnote !== undefined;
      if (!footnote && !MARKED.has(node.tagName)) return;
      const start = node.position?.start;
      if (!start) return;
      const mark = `${options.prefix}.${++n}`;
      const at = options.map.locate(start);
      options.marks[mark] = { file: at.file, line: at.line, column: at.column };
      node.properties = { [dataProperty]: mark, ...node.properties };
    });
  };
}

const dataProperty = 'dataVbAt';
