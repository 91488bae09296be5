import { accessSync, constants } from 'node:fs';
import { RenderError } from '../diagnostics/diagnostic.js';
import { userConfigFile, userConfiguredBrowser } from '../project/user-config.js';

// The headless shell first: built for automation and printing, it prints a letter in
// about a third of the time the full browser's new headless mode takes (docs/decisions.md).
export const BROWSER_CANDIDATES = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const BROWSER_ENV = 'VOORTGANGSBRIEF_BROWSER';

/**
 * Finds a Chromium to drive. An explicit choice (flag, then environment, then the
 * user-level config outside every project) must exist; otherwise the usual install
 * locations are tried. Nothing in a letter project can choose the program, and
 * nothing is ever downloaded.
 */
export function findBrowser(explicit?: string): string {
  const chosen = explicit ?? (process.env[BROWSER_ENV] || undefined) ?? (process.env.PUPPETEER_EXECUTABLE_PATH || undefined) ?? userConfiguredBrowser();
  if (chosen) {
    if (isExecutable(chosen)) return chosen;
    throw new RenderError(
      `The browser "${chosen}" does not exist or cannot be run. Point --browser, ${BROWSER_ENV} or "browser:" in ` +
        `${userConfigFile()} at a Chromium or Chrome executable, or remove the setting to use /usr/bin/chromium.`,
    );
  }
  const found = BROWSER_CANDIDATES.find(isExecutable);
  if (found) return found;
  throw new RenderError(
    'No Chromium browser was found, and voortgangsbrief needs one to make the PDF. On Debian or Ubuntu run ' +
      '"apt-get install chromium-headless-shell" (or chromium) as root, or "npm run setup", which does that for you; elsewhere install Chromium ' +
      `or Google Chrome and set ${BROWSER_ENV}=/path/to/chrome, or pass --browser /path/to/chrome. ` +
      '"voortgangsbrief check" works without a browser.',
  );
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
