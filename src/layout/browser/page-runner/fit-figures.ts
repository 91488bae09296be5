/*
 * A figure whose caption and image together are taller than a page's text area would be cut
 * between them: the caption at the foot of one page, the image alone on the next. CSS scales
 * an image to the area less room for three lines of caption (style.css); a longer caption is
 * measured here, before pagination, and the image scaled down further so that the figure
 * fits a page whole. A caption that would leave its image less than a third of the area
 * leaves it as it is: overflow.ts then tells the author to shorten it.
 */
import { opmaakOfElement } from './dom.js';
import type { Page } from './pages.js';

const LEAST_SHARE = 1 / 3;
/* Sub-pixel layout: a figure that fits to the pixel is not cut. */
const SLACK_PX = 2;

/** Limits the image of each figure of the flow that would not fit a page whole with its caption. */
export function fitFigures(flow: DocumentFragment, probe: (opmaak: string | null) => Page): void {
  const figures = Array.from(flow.querySelectorAll('figure')).filter(
    (f) => f.querySelectorAll('img').length === 1 && !f.parentElement?.closest('table, figure, [data-note]'),
  );
  const byOpmaak = new Map<string | null, HTMLElement[]>();
  for (const f of figures) {
    const opmaak = opmaakOfElement(flow, f);
    byOpmaak.set(opmaak, [...(byOpmaak.get(opmaak) ?? []), f]);
  }
  for (const [opmaak, group] of byOpmaak) {
    const sheet = probe(opmaak);
    sheet.box.classList.remove('vb-meten');
    const area = sheet.text.getBoundingClientRect().height;
    const copies = group.map((f) => sheet.box.appendChild(f.cloneNode(true) as HTMLElement));
    // Measured all at once, then written: one layout for the group.
    const limits = copies.map((copy) => {
      const img = copy.querySelector('img');
      if (!img) return undefined;
      const over = copy.getBoundingClientRect().height + parseFloat(getComputedStyle(copy).marginBottom || '0') - area;
      if (over <= 0) return undefined;
      const height = Math.floor(img.getBoundingClientRect().height - over - SLACK_PX);
      return height >= area * LEAST_SHARE ? height : undefined;
    });
    sheet.element.remove();
    group.forEach((f, i) => {
      const limit = limits[i];
      const img = f.querySelector('img');
      if (limit !== undefined && img) img.style.maxHeight = limit + 'px';
    });
  }
}
