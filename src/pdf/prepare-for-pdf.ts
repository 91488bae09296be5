import type { Page } from 'puppeteer-core';

/** What the printed page tells finish-pdf about itself. */
export interface PrintMarks {
  /** The footnote numbers, in document order, of the elements marked as notes. */
  notes: number[];
  /** The accessible name of each link, by target: an element id (a named destination) or a URL. */
  links: Record<string, string>;
}

/**
 * Chromium's tagged PDF has no Note element, and a footnote (a list item to the
 * browser, for its ::marker) is tagged as a loose LI. Just before printing, each
 * footnote becomes complementary content, which Chromium tags as Aside, and any other
 * complementary content a layout may have becomes a group (Div), so that finish-pdf
 * can turn exactly the footnotes into Note elements. The page shown in the preview and
 * checked by axe keeps its own roles; this happens only in the page being printed.
 * Link annotations get no description from Chromium (PDF/UA 7.18.5 wants one), so the
 * names of the links are collected here too.
 */
export async function prepareForPdf(page: Page): Promise<PrintMarks> {
  return page.evaluate(() => {
    const notes = Array.from(document.querySelectorAll('.vb-voetnoten [data-note="footnote"]'));
    document.querySelectorAll('aside, [role="complementary"]').forEach((el) => {
      if (!notes.includes(el)) el.setAttribute('role', 'group');
    });
    const links: Record<string, string> = {};
    document.querySelectorAll('a[href]').forEach((a) => {
      const href = a.getAttribute('href') ?? '';
      const target = href.startsWith('#') ? decodeURIComponent(href.slice(1)) : (a as HTMLAnchorElement).href;
      // innerText, not textContent: the parts of a contents entry are blocks, and would run together.
      const name = (a.getAttribute('aria-label') ?? (a as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim();
      if (target && name && !(target in links)) links[target] = name;
    });
    return {
      notes: notes.map((note) => {
        note.setAttribute('role', 'complementary');
        return Number(note.getAttribute('data-footnote'));
      }),
      links,
    };
  });
}
