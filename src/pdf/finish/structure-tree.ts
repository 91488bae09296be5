import type { PdfFile } from './pdf-file.js';
import { PdfDict, PdfName, PdfRef, PdfString, type PdfValue } from './pdf-syntax.js';

export type Kid =
  | { kind: 'mcid'; mcid: number; page: PdfRef | undefined }
  | { kind: 'elem'; elem: StructElem }
  | { kind: 'objr'; value: PdfValue; annotation: PdfRef | undefined };

export interface StructElem {
  /** Undefined for an element this stage adds. */
  ref: PdfRef | undefined;
  dict: PdfDict;
  type: string;
  kids: Kid[];
}

/** The structure tree as a mutable model: read from the file, changed, written back. */
export interface StructTree {
  rootRef: PdfRef;
  root: PdfDict;
  /** The top elements (Chromium writes one Document). */
  top: StructElem[];
  /** Elements read from the file that are no longer in the tree. */
  dropped: StructElem[];
}

export function readStructTree(file: PdfFile, catalog: PdfDict): StructTree | undefined {
  const rootRef = catalog.ref('StructTreeRoot');
  const root = rootRef && file.dict(rootRef);
  if (!rootRef || !root) return undefined;
  const seen = new Set<number>();
  const element = (ref: PdfRef, depth: number): StructElem | undefined => {
    const dict = file.dict(ref);
    if (!dict || seen.has(ref.num) || depth > 200) return undefined;
    seen.add(ref.num);
    const page = dict.ref('Pg');
    const elem: StructElem = { ref, dict, type: dict.name('S') ?? 'NonStruct', kids: [] };
    for (const k of asList(dict.get('K'))) {
      const kid = readKid(file, k, page, (r) => element(r, depth + 1));
      if (kid) elem.kids.push(kid);
    }
    return elem;
  };
  const top = asList(root.get('K')).flatMap((k) => {
    const e = k instanceof PdfRef ? element(k, 0) : undefined;
    return e ? [e] : [];
  });
  return { rootRef, root, top, dropped: [] };
}

function readKid(file: PdfFile, k: PdfValue, page: PdfRef | undefined, element: (r: PdfRef) => StructElem | undefined): Kid | undefined {
  if (typeof k === 'number') return { kind: 'mcid', mcid: k, page };
  const dict = file.dict(k);
  if (!dict) return undefined;
  const type = dict.name('Type');
  if (type === 'MCR') {
    const mcid = dict.get('MCID');
    return typeof mcid === 'number' ? { kind: 'mcid', mcid, page: dict.ref('Pg') ?? page } : undefined;
  }
  if (type === 'OBJR') return { kind: 'objr', value: k, annotation: dict.ref('Obj') };
  if (k instanceof PdfRef) {
    const elem = element(k);
    return elem ? { kind: 'elem', elem } : undefined;
  }
  return undefined;
}

function asList(v: PdfValue | undefined): PdfValue[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** Every element in reading order (depth first). */
export function elementsOf(tree: StructTree): StructElem[] {
  const out: StructElem[] = [];
  const walk = (e: StructElem): void => {
    out.push(e);
    for (const k of e.kids) if (k.kind === 'elem') walk(k.elem);
  };
  tree.top.forEach(walk);
  return out;
}

export function newElem(type: string, kids: Kid[]): StructElem {
  return { ref: undefined, dict: PdfDict.of({ Type: new PdfName('StructElem') }), type, kids };
}

/**
 * Writes every element, a new ParentTree (which element owns each marked-content id
 * and annotation) and the IDTree, into the root's objects.
 */
export function writeStructTree(file: PdfFile, tree: StructTree, ids: Map<string, StructElem>): void {
  const all = elementsOf(tree);
  for (const e of all) e.ref ??= file.add(null);
  const live = new Set(all);
  for (const e of tree.dropped) if (e.ref && !live.has(e)) file.remove(e.ref.num);

  const pageKeys = new Map<number, PdfValue[]>();
  const annotKeys = new Map<number, PdfRef>();
  const write = (e: StructElem, parent: PdfRef): void => {
    const firstPage = e.kids.find((k) => k.kind === 'mcid')?.page;
    const kids: PdfValue[] = e.kids.map((k) => {
      if (k.kind === 'elem') return k.elem.ref!;
      if (k.kind === 'objr') {
        const key = k.annotation && file.dict(k.annotation)?.get('StructParent');
        if (typeof key === 'number') annotKeys.set(key, e.ref!);
        return k.value;
      }
      const key = k.page && file.dict(k.page)?.get('StructParents');
      if (typeof key === 'number') {
        const list = pageKeys.get(key) ?? [];
        while (list.length <= k.mcid) list.push(null);
        list[k.mcid] = e.ref!;
        pageKeys.set(key, list);
      }
      return k.page?.num === firstPage?.num ? k.mcid : PdfDict.of({ Type: new PdfName('MCR'), Pg: k.page ?? null, MCID: k.mcid });
    });
    const dict = e.dict.clone().set('S', new PdfName(e.type)).set('P', parent).set('Pg', firstPage).set('K', kids.length === 1 ? kids[0] : kids.length ? kids : undefined);
    file.set(e.ref!.num, dict);
    for (const k of e.kids) if (k.kind === 'elem') write(k.elem, e.ref!);
  };
  for (const e of tree.top) write(e, tree.rootRef);

  const nums: PdfValue[] = [];
  const keys = [...new Set([...pageKeys.keys(), ...annotKeys.keys()])].sort((a, b) => a - b);
  for (const key of keys) nums.push(key, pageKeys.get(key) ?? annotKeys.get(key)!);
  const parentTree = tree.root.ref('ParentTree');
  const parentTreeDict = PdfDict.of({ Nums: nums });
  const root = tree.root.clone().set('K', tree.top.length === 1 ? tree.top[0]!.ref! : tree.top.map((e) => e.ref!));
  if (parentTree) file.set(parentTree.num, parentTreeDict);
  else root.set('ParentTree', file.add(parentTreeDict));

  const names = [...ids].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([id, e]) => [new PdfString(id), e.ref!]);
  const idTree = tree.root.ref('IDTree');
  if (names.length) {
    const idDict = PdfDict.of({ Names: names });
    if (idTree) file.set(idTree.num, idDict);
    else root.set('IDTree', file.add(idDict));
  }
  file.set(tree.rootRef.num, root);
}

/** The ids already in the IDTree (Chromium's table header cells), by element object number. */
export function readIds(file: PdfFile, tree: StructTree): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (node: PdfDict | undefined, depth: number): void => {
    if (!node || depth > 32) return;
    const names = node.get('Names');
    if (Array.isArray(names)) {
      for (let i = 0; i + 1 < names.length; i += 2) {
        const key = names[i];
        const value = names[i + 1];
        if (key instanceof PdfString && value instanceof PdfRef) out.set(key.bytes, value.num);
      }
    }
    const kids = node.get('Kids');
    if (Array.isArray(kids)) for (const k of kids) walk(file.dict(k), depth + 1);
  };
  walk(file.dict(tree.root.get('IDTree')), 0);
  return out;
}
