/*
 * Runs in the page and paginates the letter: it cuts the text flow into A4 page boxes,
 * puts each page's footnotes at its foot, places the page furniture (logo, colofon,
 * "Pagina X van Y") and settles window.__vbKlaar (./contract.ts) for the PDF writer.
 *
 * Where a page breaks is decided by Chromium itself: the rest of the text is laid out
 * in a one-column multicol box as high as the page's text area, so Chromium's own
 * fragmentation (orphans, widows, break-inside/after: avoid, forced breaks) places
 * the break, and the runner only reads where the second column starts, moves what
 * lies beyond it to the next page and cuts the element there (Range.extractContents
 * copies the ancestors). The box's height is the text area minus the footnotes called
 * above the break; notes taller than the room left continue on the next page
 * (footnote-area.ts). docs/decisions.md says why this replaced Paged.js.
 *
 * scripts/bundle.mjs bundles this entry and its imports into dist/page-runner.js.
 */
import type { RunnerOutcome, RunnerResult } from './contract.js';
import { hideText } from './flow.js';
import { loadFonts } from './fonts.js';
import { WHOLE_NOTES } from './footnote-area.js';
import { placeFurniture, preloadFurnitureImages, tidy } from './furniture.js';
import { paginate } from './pages.js';
import { paginateWithPageNumbers } from './page-numbers.js';
import { overflowWarnings } from './overflow.js';
import { warnings } from './warnings.js';

/* Stage marks for the bench's profile (src/pdf/paginate-page.ts reads them). */
function mark(name: string): void {
  if (window.performance && performance.mark) performance.mark(name);
}

function start(): void {
  let finish: (outcome: RunnerOutcome) => void = () => undefined;
  window.__vbKlaar = new Promise<RunnerOutcome>((resolve) => {
    finish = resolve;
  });

  const fail = (message: string): void => {
    if (!window.__vbFout) window.__vbFout = String(message);
    finish({ fout: window.__vbFout });
  };
  window.addEventListener('error', (e) => fail(e.message));
  window.addEventListener('unhandledrejection', (e) => {
    const r: unknown = e.reason;
    fail((r instanceof Error && r.message) || String(r));
  });

  hideText();
  const domReady = new Promise<void>((resolve) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
    else resolve();
  });
  const fontsLoaded = loadFonts(domReady);
  // The furniture's templates stand before this script in a layout's <head>; any later
  // ones are there when the document is.
  preloadFurnitureImages();
  void domReady.then(preloadFurnitureImages);

  domReady
    .then(() => {
      mark('vb:before');
      return fontsLoaded;
    })
    .then(() => {
      mark('vb:fonts');
      // An image of the text that has not loaded yet has no size: pages cut then and
      // widths measured then would be wrong (a failed load is reported below). Waited
      // for by its load event, not decode(), which rasterises an image already loaded.
      return Promise.all(Array.from(document.images, loaded));
    })
    .then(() => {
      // Contents lists and "op pagina n" get their numbers from the real pages.
      const pages = paginateWithPageNumbers(paginate, warnings);
      mark('vb:laidout');
      // Once, on the final pages: no pagination round depends on it.
      warnings.push(...overflowWarnings(pages));
      mark('vb:measured');
      placeFurniture(pages);
      tidy(document.body);
      mark('vb:furniture');
      // Images cloned into the page furniture start loading only now; print after they have.
      // One already loaded (its size known) is not decoded here: decode() rasterises it
      // and answers a task later (~30 ms for the example's SVG logo), and the print
      // paints it itself (an SVG as vectors). A broken one (no size) still fails below.
      const images = Array.from(document.images, (img) =>
        img.complete && img.naturalWidth > 0 ? undefined : img.decode().catch(() => fail('image could not be loaded: ' + img.getAttribute('src'))),
      );
      return Promise.all(images).then(() => {
        if (window.__vbFout) return;
        mark('vb:images');
        const result: RunnerResult = {
          pages: pages.length,
          footnotes: document.querySelectorAll(WHOLE_NOTES).length,
          waarschuwingen: warnings,
        };
        window.__vbResultaat = result;
        finish(result);
      });
    })
    .catch((err: unknown) => {
      fail((err instanceof Error && err.stack) || String(err));
    });
}

// Old layouts include the runner twice ({{scripts.runner}} and {{scripts.paged}}).
if (!window.__vbRunner) {
  window.__vbRunner = true;
  start();
}

/** Settles once the image has loaded or failed; at once when it already has. */
function loaded(img: HTMLImageElement): Promise<void> | undefined {
  if (img.complete) return undefined;
  return new Promise((resolve) => {
    img.addEventListener('load', () => resolve(), { once: true });
    img.addEventListener('error', () => resolve(), { once: true });
  });
}
