import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * puppeteer-core's own launch arguments (puppeteer.defaultArgs({ headless: true }) of
 * the 24 line), written out so that Chromium can be started before puppeteer is even
 * loaded: loading it takes ~110 ms, which Chromium now spends starting up. A unit test
 * compares this list with the installed puppeteer's, so an upgrade cannot drift from it.
 * Two of them matter for the letter: --export-tagged-pdf and --generate-pdf-document-outline.
 */
export const PUPPETEER_DEFAULT_ARGS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--headless=new',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
];

/**
 * The headless shell (Debian's chromium-headless-shell, Chrome's chrome-headless-shell)
 * is the old headless mode built on its own: puppeteer's `headless: 'shell'`, which
 * passes `--headless` where the full browser gets `--headless=new`.
 */
export function isHeadlessShell(executablePath: string): boolean {
  return /headless[-_]shell/i.test(path.basename(executablePath));
}

/** puppeteer's launch arguments for this executable: headless: 'shell' or headless: true. */
export function launchArgs(executablePath: string): string[] {
  return isHeadlessShell(executablePath) ? PUPPETEER_DEFAULT_ARGS.map((a) => (a === '--headless=new' ? '--headless' : a)) : [...PUPPETEER_DEFAULT_ARGS];
}

export interface SpawnedChromium {
  child: ChildProcess;
  /** The DevTools WebSocket URL, once Chromium listens. */
  endpoint: Promise<string>;
}

/**
 * Starts Chromium as the leader of its own process group (as puppeteer does), so that
 * killing the group also ends its zygote and renderers, and reads the DevTools
 * endpoint it prints on stderr.
 */
export function spawnChromium(executablePath: string, args: readonly string[], timeoutMs = 30_000): SpawnedChromium {
  const child = spawn(executablePath, [...launchArgs(executablePath), ...args, '--remote-debugging-port=0', 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = new Promise<string>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => fail(new Error(`no DevTools endpoint after ${timeoutMs / 1000} s`)), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.stderr?.removeAllListeners('data');
      reject(err);
    };
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`it exited (${signal ?? `code ${code}`}) ${lastLine(stderr)}`.trim())));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      const m = /^DevTools listening on (ws:\/\/\S+)/m.exec(stderr);
      if (!m) return;
      clearTimeout(timer);
      child.removeListener('error', fail);
      child.removeAllListeners('exit');
      // Keep draining stderr, or a chatty Chromium would block on a full pipe.
      child.stderr?.removeAllListeners('data');
      child.stderr?.resume();
      resolve(m[1]!);
    });
  });
  // The endpoint may be awaited only later; a start-up failure must not go unhandled meanwhile.
  endpoint.catch(() => undefined);
  return { child, endpoint };
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter((l) => !/^\[\d+:\d+:/.test(l) || /ERROR|FATAL/.test(l)).pop() ?? '';
}
