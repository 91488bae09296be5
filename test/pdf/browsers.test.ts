import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { BROWSER_CANDIDATES, BROWSER_ENV, findBrowser } from '../../src/pdf/find-browser.js';
import { FIXTURES, tempDir } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

const SHELL = '/usr/bin/chromium-headless-shell';
const CHROMIUM = '/usr/bin/chromium';

describe('the browser', () => {
  const saved = { env: process.env[BROWSER_ENV], pup: process.env.PUPPETEER_EXECUTABLE_PATH };
  afterEach(() => {
    for (const [k, v] of [[BROWSER_ENV, saved.env], ['PUPPETEER_EXECUTABLE_PATH', saved.pup]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('is the headless shell when nothing else is said, then Chromium, then Chrome', () => {
    delete process.env[BROWSER_ENV];
    delete process.env.PUPPETEER_EXECUTABLE_PATH;
    // scripts/setup.sh installs both Debian packages.
    expect(findBrowser()).toBe(SHELL);
    const at = (p: string) => BROWSER_CANDIDATES.indexOf(p);
    expect(at(SHELL)).toBe(0);
    expect(at(CHROMIUM)).toBeGreaterThan(at(SHELL));
    expect(at('/usr/bin/google-chrome-stable')).toBeGreaterThan(at(CHROMIUM));
  });

  it('gives reproducible bytes with each browser, the same bytes from both', async () => {
    const dir = path.join(FIXTURES, 'minimal');
    const pdfs: Record<string, Buffer[]> = {};
    for (const browser of [SHELL, CHROMIUM]) {
      pdfs[browser] = [];
      for (let i = 0; i < 2; i++) {
        const result = await build({ dir, out: tempDir('vb-browser-'), browser });
        pdfs[browser].push(readFileSync(result.documents[0]!.pdf));
      }
      expect(pdfs[browser][0]!.equals(pdfs[browser][1]!), `${browser} writes the same bytes twice`).toBe(true);
    }
    // finish-pdf.ts writes the whole file anew from its own Info dictionary, so Chromium's
    // own (which names the browser: its user agent, or "Chromium" for the shell) is gone.
    const [shell, chromium] = [pdfs[SHELL]![0]!, pdfs[CHROMIUM]![0]!];
    expect(shell.includes('HeadlessChrome/')).toBe(false);
    expect(chromium.includes('HeadlessChrome/')).toBe(false);
    expect(shell.equals(chromium), 'the headless shell and Chromium write the same bytes').toBe(true);
    const [ps, pc] = [await readPdf(pdfs[SHELL]![0]!), await readPdf(pdfs[CHROMIUM]![0]!)];
    expect(ps.info.Creator).toBe('voortgangsbrief');
    expect(ps.pages.map((p) => p.text)).toEqual(pc.pages.map((p) => p.text));
  });
});
