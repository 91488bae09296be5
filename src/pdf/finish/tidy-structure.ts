import { PdfDict, PdfName } from './pdf-syntax.js';
import { elementsOf, newElem, type Kid, type StructElem, type StructTree } from './structure-tree.js';

/** Elements that group blocks: text directly inside them is a paragraph. */
const GROUPING = new Set(['Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote']);

/** Types Chromium writes that PDF 1.7 does not define, and the standard type each stands for. */
const NON_STANDARD: Record<string, string> = { Strong: 'Span', Em: 'Span', Aside: 'Div' };

/** Elements that may sit inside a paragraph. */
const INLINE = new Set(['Span', 'Strong', 'Em', 'Link', 'Code', 'Quote', 'Ruby', 'RB', 'RT', 'RP', 'Lbl', 'Reference', 'BibEntry']);

/**
 * Removes what carries no meaning: a NonStruct wrapper gives its children to its
 * parent, except that one holding only text (and inline elements) in a grouping
 * element is the paragraph it looks like; text left loose in a grouping element gets a
 * P, a list item holds a label and an LBody, list items outside a list get one, and
 * non-standard types are declared in the RoleMap.
 */
export function tidyStructure(tree: StructTree): void {
  const dropped = tree.dropped;
  const replace = (e: StructElem, block: boolean): Kid[] => {
    if (e.type === 'NonStruct') {
      if (block && e.kids.length && inlineOnly(e)) {
        e.type = 'P';
        tidyKids(e);
        return [{ kind: 'elem', elem: e }];
      }
      dropped.push(e);
      return e.kids.flatMap((k) => (k.kind === 'elem' ? replace(k.elem, block) : [k]));
    }
    if (e.type === 'Figure' && e.dict.get('Alt') === undefined && e.kids.some((k) => k.kind === 'elem')) figureAround(e, dropped);
    if (e.type === 'LI') listItem(e, tidyKids);
    else tidyKids(e);
    return [{ kind: 'elem', elem: e }];
  };
  const tidyKids = (e: StructElem): void => {
    const block = GROUPING.has(e.type) || e.type === 'Aside';
    const kids = e.kids.flatMap((k) => (k.kind === 'elem' ? replace(k.elem, block) : [k]));
    e.kids = wrapLooseItems(block ? wrapLooseText(kids) : kids, e.type);
  };
  // The tree's top is the Document, a grouping element.
  for (const top of tree.top) tidyKids(top);
  const used = new Set(elementsOf(tree).map((e) => e.type));
  const roleMap = new PdfDict();
  for (const [type, standard] of Object.entries(NON_STANDARD)) if (used.has(type)) roleMap.set(type, new PdfName(standard));
  tree.root.set('RoleMap', roleMap.map.size ? roleMap : undefined);
}

/**
 * An HTML <figure> around a chart or an image is a Figure without alternative text of
 * its own (PDF/UA 7.3 wants one on every Figure). Around one described Figure (and its
 * caption) it becomes that figure, with its Alt; around anything else it groups (Div).
 */
function figureAround(outer: StructElem, dropped: StructElem[]): void {
  const inner = outer.kids.filter((k): k is Kid & { kind: 'elem' } => k.kind === 'elem' && k.elem.type !== 'Caption');
  const only = inner.length === 1 ? inner[0]!.elem : undefined;
  const alt = only?.type === 'Figure' ? only.dict.get('Alt') : undefined;
  if (!only || alt === undefined) {
    outer.type = 'Div';
    return;
  }
  outer.dict.set('Alt', alt);
  outer.kids = outer.kids.flatMap((k) => (k.kind === 'elem' && k.elem === only ? only.kids : [k]));
  dropped.push(only);
}

function inlineOnly(e: StructElem): boolean {
  return e.kids.every((k) => k.kind !== 'elem' || INLINE.has(k.elem.type) || (k.elem.type === 'NonStruct' && inlineOnly(k.elem)));
}

/** Text directly in a grouping element, left by a wrapper that also held blocks. */
function wrapLooseText(kids: Kid[]): Kid[] {
  const out: Kid[] = [];
  let p: StructElem | undefined;
  for (const k of kids) {
    if (k.kind === 'mcid' || (k.kind === 'elem' && INLINE.has(k.elem.type) && k.elem.type !== 'Lbl')) {
      if (!p) {
        p = newElem('P', []);
        out.push({ kind: 'elem', elem: p });
      }
      p.kids.push(k);
    } else {
      p = undefined;
      out.push(k);
    }
  }
  return out;
}

/** An LI holds a label and one body (PDF/UA: Lbl and LBody). */
function listItem(li: StructElem, tidyKids: (e: StructElem) => void): void {
  const labels = li.kids.filter((k) => k.kind === 'elem' && k.elem.type === 'Lbl');
  const rest = li.kids.filter((k) => !labels.includes(k));
  for (const k of labels) if (k.kind === 'elem') tidyKids(k.elem);
  if (!rest.length) return;
  const first = rest[0];
  const only = rest.length === 1 && first?.kind === 'elem' && (first.elem.type === 'NonStruct' || first.elem.type === 'LBody') ? first.elem : undefined;
  const body = only ?? newElem('LBody', rest);
  body.type = 'LBody';
  tidyKids(body);
  li.kids = [...labels, { kind: 'elem', elem: body }];
}

/** List items with no list around them (an element the browser shows as list-item) get one. */
function wrapLooseItems(kids: Kid[], parentType: string): Kid[] {
  if (parentType === 'L') return kids;
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

/** Elements that may hold only other elements (tables, rows, lists). */
const NO_CONTENT = new Set(['Table', 'TR', 'THead', 'TBody', 'TFoot', 'L']);

/**
 * Chromium tags a table's own painting (its background, an empty run) as content of
 * the Table. Those marks are taken out of the tree and returned by page object number,
 * to become artifacts in the content streams.
 */
export function takeMisplacedContent(tree: StructTree): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const e of elementsOf(tree)) {
    if (!NO_CONTENT.has(e.type)) continue;
    e.kids = e.kids.filter((k) => {
      if (k.kind !== 'mcid' || !k.page) return true;
      const set = out.get(k.page.num) ?? new Set<number>();
      set.add(k.mcid);
      out.set(k.page.num, set);
      return false;
    });
  }
  return out;
}

/**
 * PDF/UA (7.4.2) forbids skipping a heading level on the way down. The HTML may do so
 * (an unnumbered `##` straight under a section title), so the tagged level is at most one
 * deeper than the heading before it.
 */
export function levelHeadings(tree: StructTree): void {
  let previous = 0;
  for (const e of elementsOf(tree)) {
    const m = /^H([1-6])$/.exec(e.type);
    if (!m) continue;
    const level = Math.min(Number(m[1]), previous + 1);
    e.type = `H${level}`;
    previous = level;
  }
}

