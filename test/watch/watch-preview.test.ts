import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { watchProject, type WatchEvent, type WatchSession } from '../../src/watch/watch-project.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { copyFixture, tempDir } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

// Interval polling: a page in the background of a shared browser gets no animation frames.
const POLL = { timeout: 15_000, polling: 100 };

describe('watch', () => {
  let dir: string;
  let out: string;
  let session: WatchSession;
  const events: WatchEvent[] = [];

  beforeAll(async () => {
    dir = copyFixture('minimal');
    out = tempDir('vb-watch-out-');
    session = await watchProject({ dir, out, port: 0, browserWSEndpoint: inject('browserWSEndpoint'), onEvent: (e) => events.push(e) });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows each edit in the live preview and rewrites the PDF', async () => {
    // The author's own browser: the build's Chromium resolves no host at all, not even 127.0.0.1.
    const browser = await puppeteer.launch({ executablePath: findBrowser(), args: ['--no-sandbox', '--disable-gpu'], headless: true });
    const page = await browser.newPage();
    try {
      await page.goto(session.url);
      // The preview is paginated by the same engine as the PDF.
      await page.waitForFunction('window.__vbResultaat && document.querySelectorAll(".vb-blad").length === 1', POLL);
      expect(await page.evaluate(() => document.body.innerText)).toContain('Deze brief doet die toezegging gestand.');

      const brief = path.join(dir, 'brief.md');
      // A wait that spans a navigation is lost with the old page, so wait for the reload first.
      let reloaded = page.waitForNavigation({ timeout: 15_000 });
      writeFileSync(brief, readFileSync(brief, 'utf8').replace('Deze brief doet die toezegging gestand.', 'Deze zin is net toegevoegd.'));
      await reloaded;
      await page.waitForFunction('document.body.innerText.includes("Deze zin is net toegevoegd.")', POLL);
      await session.settled();
      // Only the edited introduction went through Markdown again; the section came from the cache.
      const previews = events.filter((e) => e.kind === 'preview');
      expect(previews.at(-1)).toMatchObject({ rendered: 1, reused: 1 });
      const pdf = await readPdf(path.join(out, 'brief.pdf'));
      expect(pdf.pages[0]!.text).toContain('Deze zin is net toegevoegd.');

      // A mistake shows the diagnostics in the preview and leaves the PDF alone.
      const before = readFileSync(path.join(out, 'brief.pdf'));
      reloaded = page.waitForNavigation({ timeout: 15_000 });
      writeFileSync(brief, readFileSync(brief, 'utf8').replace('[^debat] Deze', '[^onbekend] Deze'));
      await reloaded;
      await page.waitForFunction('document.body.innerText.includes("De brief bevat fouten")', POLL);
      expect(await page.evaluate(() => document.body.innerText)).toMatch(/brief\.md:\d+:\d+/);
      await session.settled();
      expect(readFileSync(path.join(out, 'brief.pdf')).equals(before)).toBe(true);
      expect(events.some((e) => e.kind === 'errors')).toBe(true);
    } finally {
      await page.close();
      await browser.close();
    }
  });
});
