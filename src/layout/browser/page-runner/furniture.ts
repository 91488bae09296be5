/*
 * After the last page: the page furniture with "Pagina X van Y" per part, and ids and
 * landmarks tidied.
 */
import { FORCED_BREAK } from './dom.js';
import type { Page } from './pages.js';

function furniture(id: string): DocumentFragment | null {
  const t = document.getElementById(id);
  return t instanceof HTMLTemplateElement ? t.content : null;
}

/* A document may hold several parts with their own furniture and page count (a cover
   letter to the Eerste Kamer bound in front of the letter): a part's root element
   says data-vb-deel="naam", and its pages take the templates vb-<naam>-eerste and
   vb-<naam>-vervolg. Pages without such an element belong to the part "pagina"; a
   sheet that holds only the rest of a long footnote is marked with the part before. */
export function deelOf(page: Pick<Page, 'element'>): string {
  const el = page.element.hasAttribute('data-vb-deel') ? page.element : page.element.querySelector('[data-vb-deel]');
  return el?.getAttribute('data-vb-deel') ?? 'pagina';
}

/* Images in the furniture (the logo) load only when a page's copy is placed, after the
   layout, and the print then waited ~30–45 ms for them. Loaded now, at the start, they
   are in the image cache by then and a copy is complete at once. Kept referenced so
   they stay there; a failure is reported for the placed copy, as before. */
const preloaded: HTMLImageElement[] = [];
const seenTemplates = new WeakSet<HTMLTemplateElement>();
export function preloadFurnitureImages(): void {
  document.querySelectorAll('template').forEach((t) => {
    if (seenTemplates.has(t)) return;
    seenTemplates.add(t);
    t.content.querySelectorAll('img[src]').forEach((img) => {
      const early = new Image();
      early.src = img.getAttribute('src') ?? '';
      early.decode().catch(() => undefined);
      preloaded.push(early);
    });
  });
}

export function placeFurniture(pages: Page[]): void {
  const delen = pages.map(deelOf);
  const totals = new Map<string, number>();
  for (const d of delen) totals.set(d, (totals.get(d) ?? 0) + 1);
  const seen = new Map<string, number>();
  pages.forEach((page, i) => {
    const deel = delen[i] ?? 'pagina';
    const n = (seen.get(deel) ?? 0) + 1;
    seen.set(deel, n);
    const source = furniture('vb-' + deel + (n === 1 ? '-eerste' : '-vervolg'));
    if (!source) return;
    const clone = source.cloneNode(true) as DocumentFragment;
    clone.querySelectorAll('.vb-pagina').forEach((el) => {
      el.textContent = 'Pagina ' + n + ' van ' + totals.get(deel);
    });
    clone.querySelectorAll('.vb-paginanummer').forEach((el) => {
      el.textContent = String(n);
    });
    // Furniture on every page is read once: the first page's colofon is content, its
    // repetitions and every page number are hidden from assistive technology, which
    // also leaves them out of the tagged PDF (where they become artifacts).
    clone.querySelectorAll('.vb-pagina, .vb-paginanummer').forEach((el) => el.setAttribute('aria-hidden', 'true'));
    if (n > 1) for (const el of Array.from(clone.children)) el.setAttribute('aria-hidden', 'true');
    page.element.appendChild(clone);
  });
}

/* An element cut at a break exists on two pages: only the first keeps its id. The
   letter's main landmark, cut over the pages, becomes one landmark around them all. */
export function tidy(root: Element): void {
  const seen = new Set<string>();
  root.querySelectorAll('[id]').forEach((el) => {
    if (seen.has(el.id)) el.removeAttribute('id');
    else seen.add(el.id);
  });
  root.querySelectorAll('[data-vb-id]').forEach((el) => {
    el.removeAttribute('data-vb-id');
    el.removeAttribute(FORCED_BREAK);
  });
  root.querySelectorAll('[role="main"]').forEach((el) => el.removeAttribute('role'));
  root.querySelector('.vb-bladen')?.setAttribute('role', 'main');
}
