import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { RenderError, wholeFile, type Diagnostic, type SourcePosition } from '../diagnostics/diagnostic.js';
import { contentType } from '../layout/content-type.js';
import { isRunnerFailure } from '../layout/browser/page-runner/contract.js';
import { ASSET_POLICY, documentPolicy, securityHeaders } from '../layout/page-policy.js';
import type { RenderedDocument } from '../layout/render-document.js';
import { bounded, Deadline } from './deadline.js';
import { profiling, reportStage } from '../profile-stages.js';
import { BLOCKED_IN_PAGE, blockedRequest, blockedWarnings, installPageGuard } from './page-guard.js';

/**
 * A made-up origin: every request to it is answered from the document's asset map,
 * and every other request is refused, so rendering never touches the network and
 * never reads a file the layout did not register. (.invalid never resolves in DNS.)
 */
export const DOCUMENT_ORIGIN = 'http://voortgangsbrief.invalid/';

/**
 * An empty page of the document's origin, shown by a page that has no document yet: a
 * new page shows about:blank, and its first navigation to another site starts a
 * renderer process of its own (~50 ms). A page opened ahead of time (a build's page
 * pool, during the check) has that process ready when the document is.
 */
const WARM_UP_URL = `${DOCUMENT_ORIGIN}__vb-warm-up.html`;

/** A browser page holding the document after the page runner has cut it into pages. */
export interface PaginatedPage {
  page: Page;
  pages: number;
  footnotes: number;
  warnings: Diagnostic[];
}

/**
 * A browser page set up for documents from the made-up origin: the guard against
 * scripts and fonts from elsewhere, request interception and print media. It shows
 * one document at a time and can show the next (watch mode, a pool of pages).
 */
export class DocumentPage {
  private doc: RenderedDocument | undefined;
  private warnings: Diagnostic[] = [];

  /** Rejects when the page's renderer crashes (killed for memory, say): nothing would answer any more. */
  private readonly crashed: Promise<never>;

  private constructor(readonly page: Page) {
    page.on('request', (request) => void answer(request, this.doc, this.warnings));
    this.crashed = new Promise<never>((_, reject) => page.once('error', (err) => reject(new RenderError(`Chromium stopped while rendering: its page crashed (${err.message.split('\n')[0]}); nothing was written. Run the build again; if it keeps happening, check the machine's memory and report it`))));
    this.crashed.catch(() => undefined);
  }

  /** `promise`, or the crash of the page, whichever comes first. */
  private orCrash<T>(promise: Promise<T>): Promise<T> {
    // A killed renderer often fails the navigation ("net::ERR_ABORTED") just before the
    // page reports its crash: a failure is the crash if the crash follows within moments.
    const failed = promise.catch(async (err: unknown) => {
      const crash = await Promise.race([this.crashed.then(undefined, (e: unknown) => e), new Promise((r) => setTimeout(r, 500, undefined))]);
      throw crash ?? err;
    });
    return Promise.race([failed, this.crashed]);
  }

  /** In a new page, or in `blank`, a page that has shown nothing yet (the browser's start page). */
  static async open(browser: Browser, deadline?: Deadline, blank?: Page): Promise<DocumentPage> {
    const race = <T>(p: Promise<T>, step: string): Promise<T> => (deadline ? deadline.race(p, step) : p);
    const page = blank ?? (await race(browser.newPage(), 'opening a page'));
    try {
      await race(installPageGuard(page), 'preparing the page');
      await race(page.setRequestInterception(true), 'preparing the page');
      // Pages are cut with the styles they will be printed with.
      await race(page.emulateMediaType('print'), 'preparing the page');
      const documentPage = new DocumentPage(page);
      await race(page.goto(WARM_UP_URL, { waitUntil: 'load' }), 'preparing the page');
      return documentPage;
    } catch (err) {
      await bounded(page.close(), 1000);
      throw err;
    }
  }

  /**
   * Loads the document and waits for the page runner to have cut it into pages; the
   * warnings are the runner's (warningsAfterPrint adds what the page was refused).
   */
  async paginate(doc: RenderedDocument, deadline: Deadline): Promise<Omit<PaginatedPage, 'page'>> {
    this.doc = doc;
    this.warnings = [];
    const page = this.page;
    await this.orCrash(deadline.race(page.goto(`${DOCUMENT_ORIGIN}index.html`, { waitUntil: 'load', timeout: deadline.remaining() }), 'loading the page'));
    // The page runner settles window.__vbKlaar with the result or the failure.
    const result = await this.orCrash(deadline.race(page.evaluate(() => window.__vbKlaar), 'paginating'));
    if (!result) throw new RenderError('pagination did not start: the page has no page-runner.js (a layout without <script src="{{scripts.runner}}">?)');
    if (isRunnerFailure(result)) throw new RenderError(`pagination failed in the browser: ${result.fout}`);
    if (profiling) await reportPageStages(page);
    const fromRunner = result.waarschuwingen.map(
      (w): Diagnostic => ({ ...placeOf(doc, w.at), severity: 'warning', message: w.message, hint: w.hint, ...(w.rule ? { rule: w.rule } : {}) }),
    );
    return { pages: result.pages, footnotes: result.footnotes, warnings: fromRunner };
  }

  /**
   * The runner's warnings with what the page asked for and was refused: requests this
   * side refused, and what the page guard saw the policy block. Read once the page has
   * printed: the furniture's frames and objects try to load only when they are laid
   * out, and the policy reports each refusal a moment later, after the runner is done.
   */
  async warningsAfterPrint(runner: readonly Diagnostic[], deadline: Deadline): Promise<Diagnostic[]> {
    const blocked = await this.orCrash(
      deadline.race(
        this.page.evaluate((key): string[] => {
          const list = (window as unknown as Record<string, unknown>)[key];
          return Array.isArray(list) ? list.map(String) : [];
        }, BLOCKED_IN_PAGE),
        'printing the PDF',
      ),
    );
    const warnings = [...this.warnings, ...runner, ...blockedWarnings(blocked)];
    // A blocked URL may be asked for more than once (a stylesheet and a preload).
    return [...new Map(warnings.map((w) => [w.message, w])).values()];
  }

  /** A renderer that hangs may not answer a close either; the session kills it then. */
  close(): Promise<void> {
    return bounded(this.page.close(), 1000);
  }
}

/**
 * Opens the document in a new page and waits for pagination; the caller closes the
 * page. `limit` is the render's deadline, or a number of milliseconds from now. Its
 * warnings are those known once the page is cut (the caller does not print it).
 */
export async function paginatePage(browser: Browser, doc: RenderedDocument, limit: Deadline | number): Promise<PaginatedPage> {
  const deadline = typeof limit === 'number' ? new Deadline(limit) : limit;
  const documentPage = await DocumentPage.open(browser, deadline);
  try {
    const paginated = await documentPage.paginate(doc, deadline);
    return { page: documentPage.page, ...paginated, warnings: await documentPage.warningsAfterPrint(paginated.warnings, deadline) };
  } catch (err) {
    await documentPage.close();
    throw err;
  }
}

const PAGE_POLICY = documentPolicy(DOCUMENT_ORIGIN);

/** Where the author wrote what a runner warning is about: its source mark, or the page as a whole. */
function placeOf(doc: RenderedDocument, mark: string | undefined): SourcePosition {
  const marks = doc.marks ?? {};
  if (mark === undefined) return wholeFile('(rendered page)');
  return (Object.hasOwn(marks, mark) ? marks[mark] : undefined) ?? marks[''] ?? wholeFile('(rendered page)');
}

/** An asset that cannot be read any more (swapped for a pipe since the check) is a warning and an empty answer. */
function readAsset(doc: RenderedDocument, rel: string, warnings: Diagnostic[]): Buffer | undefined {
  try {
    return doc.assets.read(rel);
  } catch (err) {
    warnings.push({
      file: doc.assets.get(rel) ?? '(rendered page)',
      line: 1,
      column: 1,
      severity: 'warning',
      message: `${rel} could not be served: ${(err as Error).message.split('\n')[0]}`,
      hint: 'put an ordinary file here; a build reads only regular files',
    });
    return undefined;
  }
}

async function answer(request: HTTPRequest, doc: RenderedDocument | undefined, warnings: Diagnostic[]): Promise<void> {
  const url = request.url();
  try {
    if (url === WARM_UP_URL && !doc && request.isNavigationRequest()) {
      return await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: securityHeaders(PAGE_POLICY), body: '<!DOCTYPE html><title></title>' });
    }
    if (url.startsWith(DOCUMENT_ORIGIN) && doc) {
      const rel = decodeURIComponent(url.slice(DOCUMENT_ORIGIN.length).split(/[?#]/)[0] ?? '');
      if (rel === 'index.html') {
        return await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: securityHeaders(PAGE_POLICY), body: doc.pageHtml ?? doc.html });
      }
      const body = readAsset(doc, rel, warnings);
      if (body) return await request.respond({ status: 200, contentType: contentType(rel), headers: securityHeaders(ASSET_POLICY), body });
    }
    // Browsers ask for a favicon on their own; that is not the letter's doing.
    if (url === `${DOCUMENT_ORIGIN}favicon.ico`) return await request.respond({ status: 404, body: '' });
    if (url.startsWith('data:')) return await request.continue();
    warnings.push(blockedRequest(url));
    // Leaving the page is refused outright. Anything else gets an empty answer instead
    // of an error: a missing stylesheet or image is worth a warning, not a failed build.
    if (request.isNavigationRequest()) return await request.abort('blockedbyclient');
    return await request.respond({
      status: 200,
      contentType: contentType(new URL(url).pathname),
      headers: { 'access-control-allow-origin': '*' },
      body: '',
    });
  } catch {
    // The page was closed (a timeout, a signal) while the request was pending.
  }
}

/** page-runner.js marks its stages; in the page's clock, 0 is the navigation's start. */
async function reportPageStages(page: Page): Promise<void> {
  const marks = (await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))) as [string, number][];
  const at = new Map(marks);
  const stages: [string, string, string][] = [
    ['page.load', '', 'vb:before'],
    ['page.fonts', 'vb:before', 'vb:fonts'],
    ['page.layout', 'vb:fonts', 'vb:laidout'],
    ['page.overflow', 'vb:laidout', 'vb:measured'],
    ['page.furniture', 'vb:measured', 'vb:images'],
  ];
  for (const [stage, from, to] of stages) {
    const end = at.get(to);
    if (end !== undefined) reportStage(stage, from ? (at.get(from) ?? 0) : 0, end);
  }
}
