import { PdfDict, PdfName, PdfString } from './pdf-syntax.js';
import { elementsOf, newElem, type Kid, type StructElem, type StructTree } from './structure-tree.js';

/** Elements that group blocks: text directly inside them is a paragraph. */
const GROUPING = new Set(['Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote']);

/** Types Chromium writes that PDF 1.7 does not define, and the standard type each stands for. */
const NON_STANDARD: Record<string, string> = { Strong: 'Span', Em: 'Span', Aside: 'Div' };

/**
 * Turns the footnotes into Note elements. The page is printed with each footnote marked
 * as the only complementary content (Chromium's Aside), `notes` holding their numbers in
 * document order; a note cut by a page break comes twice and becomes one Note again.
 * Returns the ids to register, or nothing when the tree does not match the page.
 */
export function makeNotes(tree: StructTree, notes: number[]): Map<string, StructElem> {
  const ids = new Map<string, StructElem>();
  const asides = elementsOf(tree).filter((e) => e.type === 'Aside');
  if (asides.length !== notes.length) return ids;
  let previous: StructElem | undefined;
  asides.forEach((aside, i) => {
    const n = notes[i]!;
    if (previous && notes[i - 1] === n) {
      previous.kids.push(...aside.kids);
      detach(tree, aside);
      tree.dropped.push(aside);
      return;
    }
    aside.type = 'Note';
    aside.dict.set('ID', new PdfString(`note-${n}`));
    ids.set(`note-${n}`, aside);
    previous = aside;
  });
  return ids;
}

/**
 * Removes what carries no meaning: NonStruct wrappers give their children to their
 * parent, text directly in a grouping element becomes a P, the body of a list item
 * becomes an LBody, list items outside a list get one, and non-standard types are
 * declared in the RoleMap.
 */
export function tidyStructure(tree: StructTree): void {
  for (const top of tree.top) tidy(tree, top);
  const used = new Set(elementsOf(tree).map((e) => e.type));
  const roleMap = new PdfDict();
  for (const [type, standard] of Object.entries(NON_STANDARD)) if (used.has(type)) roleMap.set(type, new PdfName(standard));
  tree.root.set('RoleMap', roleMap.map.size ? roleMap : undefined);
}

function tidy(tree: StructTree, elem: StructElem): void {
  for (const k of elem.kids) if (k.kind === 'elem') tidy(tree, k.elem);
  if (elem.type === 'LI') return listItem(tree, elem);
  const kids: Kid[] = [];
  for (const k of elem.kids) {
    if (k.kind !== 'elem' || k.elem.type !== 'NonStruct') kids.push(k);
    else if (GROUPING.has(elem.type) && k.elem.kids.every((c) => c.kind !== 'elem')) {
      k.elem.type = 'P';
      kids.push(k);
    } else {
      kids.push(...k.elem.kids);
      tree.dropped.push(k.elem);
    }
  }
  elem.kids = elem.type === 'L' ? kids : wrapLooseItems(kids);
}

/** An LI holds a label and one body (PDF/UA: Lbl and LBody). */
function listItem(tree: StructTree, li: StructElem): void {
  const labels = li.kids.filter((k) => k.kind === 'elem' && k.elem.type === 'Lbl');
  const rest = li.kids.filter((k) => !labels.includes(k));
  if (!rest.length) return;
  const first = rest[0];
  const only = rest.length === 1 && first?.kind === 'elem' ? first.elem : undefined;
  if (only && (only.type === 'NonStruct' || only.type === 'LBody')) {
    only.type = 'LBody';
    return;
  }
  const body = newElem('LBody', []);
  for (const k of rest) {
    if (k.kind === 'elem' && k.elem.type === 'NonStruct') {
      body.kids.push(...k.elem.kids);
      tree.dropped.push(k.elem);
    } else body.kids.push(k);
  }
  li.kids = [...labels, { kind: 'elem', elem: body }];
}

/** List items with no list around them (an element the browser shows as list-item) get one. */
function wrapLooseItems(kids: Kid[]): Kid[] {
  const out: Kid[] = [];
  let list: StructElem | undefined;
  for (const k of kids) {
    if (k.kind === 'elem' && k.elem.type === 'LI') {
      if (!list) {
        list = newElem('L', []);
        out.push({ kind: 'elem', elem: list });
      }
      list.kids.push(k);
    } else {
      list = undefined;
      out.push(k);
    }
  }
  return out;
}

function detach(tree: StructTree, target: StructElem): void {
  const walk = (e: StructElem): boolean => {
    const i = e.kids.findIndex((k) => k.kind === 'elem' && k.elem === target);
    if (i >= 0) {
      e.kids.splice(i, 1);
      return true;
    }
    return e.kids.some((k) => k.kind === 'elem' && walk(k.elem));
  };
  tree.top.some(walk);
}
