import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { BROWSER_CANDIDATES, BROWSER_ENV, findBrowser } from '../../src/pdf/find-browser.js';
import { FIXTURES, tempDir } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

const SHELL = '/usr/bin/chromium-headless-shell';
const CHROMIUM = '/usr/bin/chromium';

/** The PDF's objects in file order, the superseded ones of an incremental update too. */
function objects(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\n\d+ 0 obj\n[\s\S]*?\nendobj/g)].map((m) => m[0]);
}

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

  it('gives reproducible bytes with each browser, the same but for the browser name in the superseded Info', async () => {
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
    const [shell, chromium] = [pdfs[SHELL]![0]!, pdfs[CHROMIUM]![0]!];
    const a = objects(shell);
    const b = objects(chromium);
    expect(a.length).toBe(b.length);
    const differ = a.flatMap((o, i) => (o === b[i] ? [] : [i]));
    // Chromium's own Info dictionary names the browser (its user agent, or "Chromium" for
    // the shell); the incremental update finish-pdf.ts appends replaces it for every reader.
    expect(differ).toEqual([0]);
    expect(a[0]).toMatch(/^\n1 0 obj\n<<\/Title/);
    expect(a[0]).toContain('/Creator (Chromium)');
    expect(b[0]).toContain('HeadlessChrome/');
    const withoutCreator = (o: string) => o.replace(/\/Creator \((?:[^()\\]|\\.)*\)\n/, '');
    expect(withoutCreator(a[0]!)).toBe(withoutCreator(b[0]!));
    const [ps, pc] = [await readPdf(pdfs[SHELL]![0]!), await readPdf(pdfs[CHROMIUM]![0]!)];
    expect(ps.info.Creator).toBe('voortgangsbrief');
    expect(ps.pages.map((p) => p.text)).toEqual(pc.pages.map((p) => p.text));
  });
});
