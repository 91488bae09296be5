import { readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { inject } from 'vitest';
import type { RunnerOutcome } from '../../src/layout/browser/page-runner/contract.js';
import { REPO_ROOT } from './build-fixture.js';

/** A block as the runner placed it on a sheet, in px from the sheet's top. */
export interface PlacedBlock {
  tag: string;
  cls: string;
  text: string;
  top: number;
  bottom: number;
  /** Lines of text the block shows on this sheet. */
  lines: number;
  continued: boolean;
}

export interface Sheet {
  textTop: number;
  textBottom: number;
  blocks: PlacedBlock[];
  /** The footnote area's notes in order; `continued` is the rest of a note split on the sheet before. */
  notes: { nr: string; top: number; bottom: number; text: string; continued: boolean }[];
  /** Whether the footnote area opens under the continuation rule. */
  notesContinued: boolean;
  /** The text of the sheet's flow box, as the HTML has it. */
  text: string;
}

/**
 * The page runner on a bare page: the house style and the bundled runner, with any body
 * HTML. Fast enough to try one rule on dozens of letters in one browser page.
 */
export class RunnerPage {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async open(): Promise<RunnerPage> {
    const browser = await puppeteer.connect({ browserWSEndpoint: inject('browserWSEndpoint') });
    const page = await browser.newPage();
    await page.emulateMediaType('print');
    return new RunnerPage(browser, page);
  }

  async layOut(body: string, css = ''): Promise<Sheet[]> {
    const style = readFileSync(path.join(REPO_ROOT, 'templates/style.css'), 'utf8');
    const runner = readFileSync(path.join(REPO_ROOT, 'dist/page-runner.js'), 'utf8');
    const html = `<!DOCTYPE html><html lang="nl"><head><style>${style}\n${css}</style><script>${runner}</script></head><body>${body}</body></html>`;
    // setContent keeps the window object: forget the previous document's runner.
    await this.page.evaluate(() => {
      window.__vbRunner = undefined;
      window.__vbKlaar = undefined;
      window.__vbFout = undefined;
    });
    await this.page.setContent(html, { waitUntil: 'load' });
    const outcome: RunnerOutcome | undefined = await this.page.evaluate(() => window.__vbKlaar);
    if (!outcome || 'fout' in outcome) throw new Error(`runner failed: ${JSON.stringify(outcome)}`);
    return this.page.evaluate(readSheets);
  }

  async close(): Promise<void> {
    await this.page.close();
    await this.browser.disconnect();
  }
}

/* Runs in the page: the sheets as plain data. */
function readSheets(): Sheet[] {
  const BLOCK = 'p, li, h1, h2, h3, h4, h5, h6, tr, caption, figure, .vb-ondertekening';
  return Array.from(document.querySelectorAll('.vb-blad')).map((sheet) => {
    const origin = sheet.getBoundingClientRect().top;
    const text = sheet.querySelector('.vb-blad-tekst')!.getBoundingClientRect();
    const box = sheet.querySelector('.vb-blad-stroom')!;
    const blocks = Array.from(box.querySelectorAll(BLOCK))
      .filter((el) => !el.parentElement?.closest('.vb-ondertekening'))
      .map((el) => {
        const r = el.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(el);
        const tops = new Set<number>();
        for (const q of Array.from(range.getClientRects())) if (q.width > 0 && q.height > 0) tops.add(Math.round(q.top / 3));
        return {
          tag: el.tagName.toLowerCase(),
          cls: el.className,
          text: (el.textContent ?? '').trim(),
          top: r.top - origin,
          bottom: r.bottom - origin,
          lines: tops.size,
          continued: el.classList.contains('vb-vervolg'),
        };
      });
    const notes = Array.from(sheet.querySelectorAll('.vb-voetnoten [data-note]')).map((n) => {
      const r = n.getBoundingClientRect();
      return { nr: n.getAttribute('data-footnote') ?? '', top: r.top - origin, bottom: r.bottom - origin, text: n.textContent ?? '', continued: n.classList.contains('vb-noot-vervolg') };
    });
    const notesContinued = !!sheet.querySelector('.vb-voetnoten.vb-voetnoten-vervolg');
    return { textTop: text.top - origin, textBottom: text.bottom - origin, blocks, notes, notesContinued, text: box.textContent ?? '' };
  });
}
