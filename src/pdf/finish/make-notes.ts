import { PdfString } from './pdf-syntax.js';
import { elementsOf, type StructElem, type StructTree } from './structure-tree.js';

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
