import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../../src/pdf/browser-session.js';
import { Deadline } from '../../src/pdf/deadline.js';
import { PagePool } from '../../src/pdf/page-pool.js';

/**
 * A build's first document goes into the tab Chromium opened as it started, whose
 * renderer started with the browser, instead of a new page with a renderer of its own
 * (bench/, P1: docs/decisions.md, "Speed, round seven").
 */
describe("Chromium's start page", () => {
  let session: BrowserSession | undefined;
  afterEach(async () => {
    await session?.kill();
    session = undefined;
  });

  const pageTargets = (s: BrowserSession) => s.browser.targets().filter((t) => t.type() === 'page');

  it('is handed out once, by a browser this process started', async () => {
    session = await openBrowser();
    const first = await session.takeStartPage();
    expect(first?.url()).toBe('about:blank');
    expect(await session.takeStartPage()).toBeUndefined();
  });

  it('holds the first document of a page pool, and no second page is opened for it', async () => {
    session = await openBrowser();
    const pool = new PagePool(session.browser, session.takeStartPage);
    pool.prepare();
    const page = await pool.take(new Deadline(30_000));
    expect(pageTargets(session)).toHaveLength(1);
    // A second document in the same run gets a page of its own.
    const second = await pool.take(new Deadline(30_000));
    expect(second.page).not.toBe(page.page);
    expect(pageTargets(session)).toHaveLength(2);
  });
});
