import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One structure element as poppler reads it, with its text in reading order. */
export interface StructNode {
  type: string;
  id?: string;
  /** Text and elements in reading order; an annotation reference is `{ annotation: n }`. */
  kids: (StructNode | string | { annotation: number })[];
}

export interface Structure {
  root: StructNode;
  /** What poppler complained about while reading the tree (wrong types, broken links). */
  errors: string[];
}

/** The whole structure tree, read with poppler's `pdfinfo -struct-text`. */
export function readStructure(file: string): Structure {
  const run = spawnSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const root: StructNode = { type: '(root)', kids: [] };
  const stack: { depth: number; node: StructNode }[] = [{ depth: -1, node: root }];
  for (const line of run.stdout.split('\n')) {
    const depth = line.length - line.trimStart().length;
    const text = line.trim();
    if (!text || text.startsWith('/')) continue;
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1]!.node;
    if (text.startsWith('"')) parent.kids.push(text.slice(1, text.lastIndexOf('"')));
    else if (/^Object \d+ \d+$/.test(text)) parent.kids.push({ annotation: Number(text.split(' ')[1]) });
    else {
      const m = /^(\S+)(?: <([^>]*)>)?/.exec(text)!;
      const node: StructNode = { type: m[1]!, ...(m[2] ? { id: m[2] } : {}), kids: [] };
      parent.kids.push(node);
      stack.push({ depth, node });
    }
  }
  return { root, errors: run.stderr.split('\n').filter(Boolean) };
}

export function elements(node: StructNode): StructNode[] {
  return [node, ...node.kids.flatMap((k) => (typeof k === 'object' && 'type' in k ? elements(k) : []))];
}

/** The element's text, without the text of kids of the types in `skip`. */
export function textOf(node: StructNode, skip: string[] = []): string {
  return node.kids
    .map((k) => (typeof k === 'string' ? k : 'type' in k ? (skip.includes(k.type) ? '' : textOf(k, skip)) : ''))
    .join('');
}

/** Everything in reading order: element starts, text, and annotation references. */
export function readingOrder(node: StructNode): (StructNode | string | { annotation: number })[] {
  return node.kids.flatMap((k) => (typeof k === 'object' && 'type' in k ? [k, ...readingOrder(k)] : [k]));
}

export interface MarkedItem {
  page: number;
  str: string;
  /** From the bottom of the page. */
  y: number;
  mark: 'tagged' | 'artifact' | 'none';
}

/** For each page: its text items, and whether each is tagged, an artifact, or neither. */
export async function markedText(file: string): Promise<MarkedItem[][]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent({ includeMarkedContent: true });
    const stack: string[] = [];
    const items: MarkedItem[] = [];
    for (const it of content.items) {
      if ('type' in it) {
        if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') stack.push((it as { tag?: string }).tag === 'Artifact' ? 'artifact' : it.id ? 'tagged' : 'other');
        else if (it.type === 'endMarkedContent') stack.pop();
        continue;
      }
      if (!it.str.trim()) continue;
      const mark = stack.includes('artifact') ? 'artifact' : stack.includes('tagged') ? 'tagged' : 'none';
      items.push({ page: n, str: it.str, y: it.transform[5] as number, mark });
    }
    pages.push(items);
  }
  await doc.destroy();
  return pages;
}

/** Link annotations per page: object number and named destination. */
export async function linkAnnotations(file: string): Promise<{ page: number; object: number; dest?: string; contents?: string }[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const out = [];
  for (let n = 1; n <= doc.numPages; n++) {
    for (const a of await (await doc.getPage(n)).getAnnotations()) {
      if (a.subtype !== 'Link') continue;
      out.push({ page: n, object: Number(/^(\d+)R$/.exec(a.id)?.[1]), dest: typeof a.dest === 'string' ? a.dest : undefined, contents: a.contentsObj?.str || undefined });
    }
  }
  await doc.destroy();
  return out;
}

/** The page (1-based) a named destination points at. */
export async function destinationPage(file: string, name: string): Promise<number | undefined> {
  return (await destination(file, name))?.page;
}

/** Where a named destination points: its page (1-based) and, for an XYZ destination, its top (from the bottom of the page). */
export async function destination(file: string, name: string): Promise<{ page: number; top?: number } | undefined> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  try {
    const dest = (await doc.getDestination(name)) as unknown[] | null;
    if (!dest) return undefined;
    const page = (await doc.getPageIndex(dest[0] as never)) + 1;
    const kind = (dest[1] as { name?: string } | undefined)?.name;
    return { page, top: kind === 'XYZ' && typeof dest[3] === 'number' ? dest[3] : undefined };
  } finally {
    await doc.destroy();
  }
}

/** The Figure elements of each page's structure tree (pdfjs), with their alternative text. */
export async function figures(file: string): Promise<{ page: number; alt?: string }[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const out: { page: number; alt?: string }[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const walk = (node: { role?: string; alt?: string; children?: unknown[] }): void => {
        if (node.role === 'Figure') out.push({ page: n, alt: node.alt });
        for (const kid of (node.children ?? []) as (typeof node)[]) walk(kid);
      };
      const tree = await (await doc.getPage(n)).getStructTree();
      if (tree) walk(tree as never);
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/** The XMP packet parsed by pdfjs, and the raw XML for a stricter look. */
export async function readXmp(file: string): Promise<{ get: (name: string) => unknown; raw: string } | undefined> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const meta = await doc.getMetadata();
  await doc.destroy();
  const metadata = meta.metadata as { get(name: string): unknown; getRaw(): string } | null;
  return metadata ? { get: (n) => metadata.get(n), raw: metadata.getRaw() } : undefined;
}

/**
 * Marked content that no structure element of its page claims, as pdfjs finds the
 * elements through the ParentTree: a broken ParentTree shows up here.
 */
export async function unclaimedMarks(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const missing: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const marks = content.items.flatMap((it) => ('type' in it && it.type === 'beginMarkedContentProps' && it.id ? [it.id] : []));
    const claimed = new Set<string>();
    const walk = (node: { id?: string; type?: string; children?: unknown[] }): void => {
      if (node.type === 'content' && node.id) claimed.add(node.id);
      for (const k of node.children ?? []) walk(k as typeof node);
    };
    const tree = await page.getStructTree();
    if (tree) walk(tree as never);
    for (const m of marks) if (!claimed.has(m)) missing.push(`page ${n}: ${m}`);
  }
  await doc.destroy();
  return missing;
}
