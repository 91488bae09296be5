import type { Browser, Page } from 'puppeteer-core';
import type { Deadline } from './deadline.js';
import { DocumentPage } from './paginate-page.js';

/**
 * Browser pages ready for a document. Opening one costs 50–170 ms (a new renderer
 * process); a build opens its first while the project is still being checked, and a
 * watch session keeps its page from one change to the next (bench/: P1, P3). The first
 * page is the tab Chromium opened as it started, when there is one to take.
 */
export class PagePool {
  private readonly idle: DocumentPage[] = [];
  private readonly opening: Promise<DocumentPage | undefined>[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly startPage: () => Promise<Page | undefined> = async () => undefined,
  ) {}

  /** Starts opening a page now, for a document that comes later. */
  prepare(): void {
    // A failure here is not the build's yet: take() opens a page again and reports that.
    this.opening.push(this.open().catch(() => undefined));
  }

  private async open(deadline?: Deadline): Promise<DocumentPage> {
    // A start page that cannot be had (closed, crashed) is no reason to fail: a new one is opened.
    const page = await this.startPage().catch(() => undefined);
    return DocumentPage.open(this.browser, deadline, page);
  }

  async take(deadline: Deadline): Promise<DocumentPage> {
    const ready = this.idle.pop();
    if (ready) return ready;
    const opening = this.opening.shift();
    const page = opening ? await deadline.race(opening, 'opening a page') : undefined;
    return page ?? this.open(deadline);
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
