import { existsSync, readFileSync } from 'node:fs';
import { alternate } from './alternate.js';
import { timeBuild } from './cli-build.js';

export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const CHROMIUM = '/usr/bin/chromium';

export interface BrowserTimes {
  shell: number[];
  chromium: number[];
  /** Whether two builds with the same browser wrote the same PDF bytes. */
  reproducible: { shell: boolean; chromium: boolean };
}

/**
 * Cold CLI builds of the same letter with Debian's headless shell (the default when it
 * is installed) and with the full Chromium, alternated; undefined when one is missing.
 */
export async function measureBrowsers(letter: string, out: string, rounds: number, log: (m: string) => void): Promise<BrowserTimes | undefined> {
  if (!existsSync(HEADLESS_SHELL) || !existsSync(CHROMIUM)) return undefined;
  const build = (browser: string) => async () => {
    const m = await timeBuild([letter], out, { env: { ...process.env, VOORTGANGSBRIEF_BROWSER: browser } });
    return { ms: m.ms, pdf: readFileSync(`${out}/brief.pdf`) };
  };
  const shell = build(HEADLESS_SHELL);
  const chromium = build(CHROMIUM);
  // The first spawn of each pays for a cold page cache.
  const [s0, c0] = [await shell(), await chromium()];
  const { as, bs } = await alternate(rounds, shell, chromium, (i) => log(`browsers round ${i + 1}/${rounds}`));
  return {
    shell: as.map((m) => m.ms),
    chromium: bs.map((m) => m.ms),
    reproducible: { shell: as.every((m) => m.pdf.equals(s0.pdf)), chromium: bs.every((m) => m.pdf.equals(c0.pdf)) },
  };
}
