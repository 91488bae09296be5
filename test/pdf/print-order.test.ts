import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { check } from '../../src/check.js';
import { DOCUMENT_ORIGIN, DocumentPage, paginatePage, type PaginatedPage } from '../../src/pdf/paginate-page.js';
import { Deadline } from '../../src/pdf/deadline.js';
import { REPO_ROOT } from '../helpers/build-fixture.js';

// What the print waits for, proved by the order of events in the page, not by time:
// the furniture's images (the example's logo) are asked for when the runner starts,
// long before the layout places a copy of them on page 1 (docs/decisions.md, issue 16).
let browser: Browser;
let paginated: PaginatedPage;

beforeAll(async () => {
  browser = await puppeteer.connect({ browserWSEndpoint: inject('browserWSEndpoint') });
  const { documents } = check({ dir: REPO_ROOT });
  paginated = await paginatePage(browser, documents[0]!, 60_000);
});

afterAll(async () => {
  await paginated?.page.close();
  await browser?.disconnect();
});

describe('the page runner and the furniture images', () => {
  it('asks for the logo before the first pagination, and the placed logo is loaded when the page is ready', async () => {
    const seen = await paginated.page.evaluate(() => {
      const logo = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/logo.svg'));
      const paginating = performance.getEntriesByName('vb:paginering')[0];
      const placed = document.querySelector<HTMLImageElement>('.vb-blad .vb-logo-beeld');
      return {
        requested: logo?.startTime,
        paginating: paginating?.startTime,
        placed: placed ? { complete: placed.complete, width: placed.naturalWidth } : undefined,
      };
    });
    expect(seen.requested).toBeTypeOf('number');
    expect(seen.paginating).toBeTypeOf('number');
    expect(seen.requested!).toBeLessThan(seen.paginating!);
    expect(seen.placed).toEqual({ complete: true, width: expect.any(Number) });
    expect(seen.placed!.width).toBeGreaterThan(0);
  });
});

describe('a page opened ahead of its document', () => {
  // A new page shows about:blank; its first navigation to the document's origin would
  // start a renderer process of its own. Opened ahead (the build's page pool, during the
  // check), the page is on that origin already, with nothing loaded and nothing blocked.
  it('is on the document origin before the document comes, and then shows the document there', async () => {
    const page = await DocumentPage.open(browser);
    try {
      expect(page.page.url().startsWith(DOCUMENT_ORIGIN)).toBe(true);
      const { documents } = check({ dir: REPO_ROOT });
      const deadline = new Deadline(60_000);
      const result = await page.paginate(documents[0]!, deadline);
      expect(await page.warningsAfterPrint(result.warnings, deadline)).toEqual([]);
      expect(result.pages).toBeGreaterThan(1);
      expect(page.page.url()).toBe(`${DOCUMENT_ORIGIN}index.html`);
    } finally {
      await page.close();
    }
  });
});
