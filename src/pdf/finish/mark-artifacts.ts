import { deflateSync, inflateSync } from 'node:zlib';
import type { PdfFile } from './pdf-file.js';
import { PdfDict, PdfName, PdfRef } from './pdf-syntax.js';

const PAINTS = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Tj', 'TJ', "'", '"', 'Do', 'sh']);
// Marked content may not overlap these partially, so an artifact never crosses one.
const BOUNDARIES = new Set(['q', 'Q', 'BT', 'ET', 'BDC', 'BMC', 'EMC']);

interface Operator {
  name: string;
  /** Where its operands start. */
  start: number;
  end: number;
}

/**
 * Chromium leaves what is not in the accessibility tree (aria-hidden page furniture,
 * borders, backgrounds, list bullets) outside any marked content. PDF/UA (7.1) wants
 * every piece of content either tagged or an artifact, so each run of untagged painting
 * between two structure boundaries is wrapped in /Artifact BMC … EMC.
 */
export function markArtifacts(file: PdfFile, pages: PdfRef[], artifacts: Map<number, Set<number>> = new Map()): void {
  for (const pageRef of pages) {
    const page = file.dict(pageRef);
    const contents = page?.get('Contents');
    const streams = contents instanceof PdfRef ? [contents] : Array.isArray(contents) ? contents.filter((c) => c instanceof PdfRef) : [];
    for (const ref of streams) {
      const dict = file.dict(ref);
      const data = file.stream(ref);
      if (!dict || data === undefined) continue;
      const filter = dict.get('Filter');
      const flate = filter instanceof PdfName && filter.name === 'FlateDecode';
      if (filter !== undefined && !flate) continue;
      const text = flate ? inflateSync(Buffer.from(data, 'latin1')).toString('latin1') : data;
      const marked = wrapUntagged(text, artifacts.get(pageRef.num));
      if (marked === text) continue;
      const bytes = flate ? deflateSync(Buffer.from(marked, 'latin1')).toString('latin1') : marked;
      file.set(ref.num, dict.clone().set('DecodeParms', undefined), bytes);
    }
  }
}

/**
 * The content stream with its untagged painting marked as artifacts, and the marked
 * content with the ids in `retag` (tagged where no content may be, such as a table's own
 * background) turned into artifacts; unchanged if it cannot be read.
 */
export function wrapUntagged(content: string, retag: Set<number> = new Set()): string {
  const ops = operators(content);
  if (!ops) return content;
  const inserts: { at: number; text: string; skip?: number }[] = [];
  let depth = 0;
  let run: Operator[] = [];
  const close = (): void => {
    if (run.some((op) => PAINTS.has(op.name))) {
      inserts.push({ at: run[0]!.start, text: '/Artifact BMC\n' }, { at: run[run.length - 1]!.end, text: '\nEMC' });
    }
    run = [];
  };
  for (const op of ops) {
    if (BOUNDARIES.has(op.name)) {
      close();
      const mcid = op.name === 'BDC' ? /\/MCID\s+(\d+)/.exec(content.slice(op.start, op.end))?.[1] : undefined;
      if (mcid !== undefined && retag.has(Number(mcid))) inserts.push({ at: op.start, text: '/Artifact BMC', skip: op.end - op.start });
      if (op.name === 'BDC' || op.name === 'BMC') depth++;
      else if (op.name === 'EMC') depth = Math.max(0, depth - 1);
    } else if (depth === 0) run.push(op);
  }
  close();
  let out = '';
  let from = 0;
  for (const { at, text, skip = 0 } of inserts) {
    out += content.slice(from, at) + text;
    from = at + skip;
  }
  return out + content.slice(from);
}

/** The operators of a content stream, or undefined for syntax this reader does not know (inline images). */
function operators(s: string): Operator[] | undefined {
  const ops: Operator[] = [];
  let i = 0;
  let start = -1;
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (/[\s\0]/.test(c)) {
      i++;
      continue;
    }
    if (start < 0) start = i;
    if (c === '%') {
      const at = i;
      while (i < n && s[i] !== '\n' && s[i] !== '\r') i++;
      if (start === at) start = -1;
      continue;
    }
    if (c === '(') {
      let depth = 0;
      for (i++; i < n; i++) {
        if (s[i] === '\\') i++;
        else if (s[i] === '(') depth++;
        else if (s[i] === ')' && depth-- === 0) break;
      }
      i++;
    } else if (c === '<' && s[i + 1] !== '<') {
      const end = s.indexOf('>', i);
      if (end < 0) return undefined;
      i = end + 1;
    } else if ('<>[]{}'.includes(c)) {
      i += c === '<' || c === '>' ? 2 : 1;
    } else if (c === '/') {
      i++;
      while (i < n && !/[\s\0()<>[\]{}/%]/.test(s[i]!)) i++;
    } else {
      const from = i;
      while (i < n && !/[\s\0()<>[\]{}/%]/.test(s[i]!)) i++;
      const word = s.slice(from, i);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || word === 'true' || word === 'false' || word === 'null') continue;
      if (word === 'BI' || word === 'ID' || word === 'EI') return undefined;
      ops.push({ name: word, start, end: i });
      start = -1;
    }
  }
  return ops;
}

/** The page objects in order, from the page tree. */
export function pageRefs(file: PdfFile, root: PdfDict): PdfRef[] {
  const out: PdfRef[] = [];
  const walk = (ref: PdfRef, depth: number): void => {
    const node = file.dict(ref);
    if (!node || depth > 32) return;
    if (node.name('Type') === 'Page') out.push(ref);
    const kids = node.get('Kids');
    if (Array.isArray(kids)) for (const k of kids) if (k instanceof PdfRef) walk(k, depth + 1);
  };
  const pages = root.ref('Pages');
  if (pages) walk(pages, 0);
  return out;
}
