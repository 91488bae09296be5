import type { Page } from 'puppeteer-core';

/**
 * Chromium's tagged PDF has no Note element, and a footnote (a list item to the
 * browser, for its ::marker) is tagged as a loose LI. Just before printing, each
 * footnote becomes complementary content, which Chromium tags as Aside, and any other
 * complementary content a layout may have becomes a group (Div), so that finish-pdf
 * can turn exactly the footnotes into Note elements. The page shown in the preview
 * and checked by axe keeps its own roles; this happens only in the page being printed.
 * Returns the footnote numbers in document order.
 */
export async function markNotesForPdf(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const notes = Array.from(document.querySelectorAll('.vb-voetnoten [data-note="footnote"]'));
    document.querySelectorAll('aside, [role="complementary"]').forEach((el) => {
      if (!notes.includes(el)) el.setAttribute('role', 'group');
    });
    return notes.map((note) => {
      note.setAttribute('role', 'complementary');
      return Number(note.getAttribute('data-footnote'));
    });
  });
}
