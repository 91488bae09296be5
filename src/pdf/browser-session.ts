import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { RenderError } from '../diagnostics/diagnostic.js';
import { findBrowser } from './find-browser.js';

/** One browser for a whole run; every document of the run gets a page in it. */
export interface BrowserSession {
  browser: Browser;
  /** The executable that was started (undefined for a browser we connected to). */
  executablePath?: string;
  close(): Promise<void>;
}

/**
 * Flags that make Debian's Chromium start quietly on a closed network: without the
 * background-networking ones it keeps trying to reach Google's hosts.
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

export interface LaunchOptions {
  executablePath?: string;
  configuredPath?: string;
  /** Connect to a browser someone else owns (tests share one per run). */
  browserWSEndpoint?: string;
}

export async function openBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  if (options.browserWSEndpoint) {
    const browser = await puppeteer.connect({ browserWSEndpoint: options.browserWSEndpoint });
    return { browser, close: async () => browser.disconnect() };
  }
  const executablePath = findBrowser(options.executablePath, options.configuredPath);
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'voortgangsbrief-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...FLAGS, `--user-data-dir=${userDataDir}`],
    });
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw new RenderError(`Chromium at ${executablePath} did not start: ${(err as Error).message.split('\n')[0]}`);
  }
  return {
    browser,
    executablePath,
    close: async () => {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
