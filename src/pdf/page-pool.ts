import type { Browser } from 'puppeteer-core';
import type { Deadline } from './deadline.js';
import { DocumentPage } from './paginate-page.js';

/**
 * Browser pages ready for a document. Opening one costs 50–170 ms (a new renderer
 * process); a build opens its first while the project is still being checked, and a
 * watch session keeps its page from one change to the next (bench/: P1, P3).
 */
export class PagePool {
  private readonly idle: DocumentPage[] = [];
  private readonly opening: Promise<DocumentPage | undefined>[] = [];

  constructor(private readonly browser: Browser) {}

  /** Starts opening a page now, for a document that comes later. */
  prepare(): void {
    // A failure here is not the build's yet: take() opens a page again and reports that.
    this.opening.push(DocumentPage.open(this.browser).catch(() => undefined));
  }

  async take(deadline: Deadline): Promise<DocumentPage> {
    const ready = this.idle.pop();
    if (ready) return ready;
    const opening = this.opening.shift();
    const page = opening ? await deadline.race(opening, 'opening a page') : undefined;
    return page ?? DocumentPage.open(this.browser, deadline);
  }

  /** A page that printed without trouble goes back for the next document. */
  give(page: DocumentPage): void {
    this.idle.push(page);
  }

  async close(): Promise<void> {
    const pages = [...this.idle.splice(0), ...(await Promise.all(this.opening.splice(0)))];
    await Promise.all(pages.map((p) => p?.close()));
  }
}
