import type { Segment } from '../diagnostics/position-map.js';

/*
 * Handlebars keeps no record of which output came from which part of the template.
 * Before compiling, a marker (a private-use character, the segment's number, another
 * private-use character) is put in front of every statement; after rendering, the
 * markers are taken out again and their places become the segments of a position
 * map. A statement inside {{#each}} leaves its marker once per row, so every row maps
 * back to the one line the author wrote.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000([0-9a-z]+)\uE001/g;

type Node = hbs.AST.Node & {
  loc: hbs.AST.SourceLocation;
  body?: Node[];
  program?: Node;
  inverse?: Node;
  value?: string;
  original?: string;
};

export interface Instrumented {
  /** Segments by number, with `out` still to be filled in from the rendered text. */
  segments: Omit<Segment, 'out'>[];
}

const checkedData = new WeakMap<object, boolean>();

/**
 * Whether the map can be made: the marker characters in the source, or in data that
 * the text may print, would be taken for markers and removed. The data is looked at
 * once per letter (all sections share one data object).
 */
export function canInstrument(source: string, data: object): boolean {
  if (source.includes(OPEN) || source.includes(CLOSE)) return false;
  let clean = checkedData.get(data);
  if (clean === undefined) {
    const text = JSON.stringify(data) ?? '';
    clean = !text.includes(OPEN) && !text.includes(CLOSE);
    checkedData.set(data, clean);
  }
  return clean;
}

/** Adds the markers to a parsed template, in place. */
export function instrumentTemplate(ast: hbs.AST.Program, source: string): Instrumented {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const offset = (p: hbs.AST.Position) => (lineStarts[p.line - 1] ?? source.length) + p.column;
  const segments: Omit<Segment, 'out'>[] = [];
  const marker = (seg: Omit<Segment, 'out'>, loc: hbs.AST.SourceLocation): Node => {
    const value = `${OPEN}${(segments.push(seg) - 1).toString(36)}${CLOSE}`;
    return { type: 'ContentStatement', value, original: value, loc } as Node;
  };
  const visit = (program: Node | undefined): void => {
    if (!program?.body) return;
    program.body = program.body.flatMap((node) => {
      visit(node.program);
      visit(node.inverse);
      if (node.type === 'ContentStatement') {
        // Whitespace control may have trimmed the text: find where what is left starts.
        const lead = Math.max(0, (node.original ?? '').indexOf(node.value ?? ''));
        return [marker({ src: offset(node.loc.start) + lead, verbatim: true }, node.loc), node];
      }
      if (node.type === 'CommentStatement') return [node];
      return [marker({ src: offset(node.loc.start), srcEnd: offset(node.loc.end), verbatim: false }, node.loc), node];
    });
  };
  visit(ast as Node);
  return { segments };
}

/** Takes the markers out of rendered text; returns the clean text and where each segment begins in it. */
export function removeMarkers(rendered: string, instrumented: Instrumented): { text: string; segments: Segment[] } {
  const segments: Segment[] = [];
  let text = '';
  let last = 0;
  for (const m of rendered.matchAll(MARKER)) {
    text += rendered.slice(last, m.index);
    last = m.index + m[0].length;
    const seg = instrumented.segments[parseInt(m[1] ?? '', 36)];
    if (seg) segments.push({ ...seg, out: text.length });
  }
  text += rendered.slice(last);
  return { text, segments: segments.length ? segments : [{ out: 0, src: 0, verbatim: true }] };
}
