/*
 * Page numbers that are known only after pagination: those of a contents list
 * ("Inhoud") and of cross-references ("op pagina 12"). Each placeholder names the id it
 * stands for (data-vb-pagina-van); the number is the one printed on the page where that
 * element now stands, counted within its part of the document, as "Pagina X van Y" is.
 */
import { deelOf } from './furniture.js';
import type { Page } from './pages.js';

/** The printed number of every sheet. */
function printedNumbers(pages: Page[]): Map<Element, number> {
  const seen = new Map<string, number>();
  const numbers = new Map<Element, number>();
  for (const page of pages) {
    const deel = deelOf(page);
    const n = (seen.get(deel) ?? 0) + 1;
    seen.set(deel, n);
    numbers.set(page.element, n);
  }
  return numbers;
}

/**
 * Fills in every placeholder. Returns the placeholders in running text whose number has
 * another number of digits than the text was laid out with ({ id: digits }), or null
 * when all fit: a contents list has a fixed-width box for its numbers, running text not.
 */
export function fillPageNumbers(pages: Page[]): Record<string, number> | null {
  const numbers = printedNumbers(pages);
  let wrong: Record<string, number> | null = null;
  document.querySelectorAll('[data-vb-pagina-van]').forEach((el) => {
    const id = el.getAttribute('data-vb-pagina-van') ?? '';
    const sheet = document.getElementById(id)?.closest('.vb-blad');
    const n = sheet ? numbers.get(sheet) : undefined;
    if (n === undefined) return;
    const text = String(n);
    if (el.classList.contains('vb-paginaverwijzing') && (el.textContent ?? '').length !== text.length) {
      wrong ??= {};
      wrong[id] = text.length;
    }
    el.textContent = text;
  });
  return wrong;
}

/**
 * "op pagina n" for a target that is not in this document (a bijlage split off into a
 * PDF of its own) has no page to give: the words go, before the text is laid out.
 */
function dropReferencesOutside(): void {
  document.querySelectorAll('.vb-paginaverwijzing[data-vb-pagina-van]').forEach((el) => {
    if (document.getElementById(el.getAttribute('data-vb-pagina-van') ?? '')) return;
    const words = el.previousSibling;
    if (words instanceof Text && words.data.endsWith(' op pagina ')) words.data = words.data.slice(0, -' op pagina '.length);
    el.remove();
  });
}

const furnitureOrScript = (n: Node) => n instanceof HTMLTemplateElement || n instanceof HTMLScriptElement;

/** The body as it was before pagination, to paginate it again. */
function snapshot(): Node[] {
  return Array.from(document.body.childNodes, (n) => n)
    .filter((n) => !furnitureOrScript(n))
    .map((n) => n.cloneNode(true));
}

function restore(nodes: Node[], digits: Record<string, number>): void {
  for (const n of Array.from(document.body.childNodes)) if (!furnitureOrScript(n)) document.body.removeChild(n);
  for (const n of nodes) document.body.appendChild(n.cloneNode(true));
  document.body.querySelectorAll('.vb-paginaverwijzing[data-vb-pagina-van]').forEach((el) => {
    const d = digits[el.getAttribute('data-vb-pagina-van') ?? ''];
    if (d) el.textContent = '0'.repeat(d);
  });
}

/**
 * Paginates, fills in the page numbers, and paginates again (at most twice) when a
 * number in running text needed more digits than its placeholder had: a wider number
 * can move a line, and a line can move a page.
 */
export function paginateWithPageNumbers(paginate: () => Page[], warnings: unknown[]): Page[] {
  dropReferencesOutside();
  const before = document.querySelector('.vb-paginaverwijzing') ? snapshot() : null;
  // One mark per pagination, for the bench's profile and the tests.
  const paginateOnce = (): Page[] => {
    performance.mark('vb:paginering');
    return paginate();
  };
  let pages = paginateOnce();
  let wrong = fillPageNumbers(pages);
  const digits: Record<string, number> = {};
  for (let round = 0; wrong && before && round < 2; round++) {
    Object.assign(digits, wrong);
    restore(before, digits);
    warnings.length = 0;
    pages = paginateOnce();
    wrong = fillPageNumbers(pages);
  }
  return pages;
}
