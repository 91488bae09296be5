import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { PipeTransport } from './pipe-transport.js';

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
  /** DevTools over the pipe; Chromium exits when this process does. */
  transport: PipeTransport;
  /** Whether Chromium is still starting, and how it failed if it did not start. */
  started: Promise<void>;
  /** The DevTools WebSocket URL, when a port was asked for (tests share one browser). */
  endpoint: Promise<string> | undefined;
}

/**
 * Starts Chromium as the leader of its own process group (as puppeteer does), so that
 * killing the group also ends its zygote and renderers, and talks to it over its
 * DevTools pipe, which ends it when this process ends, even by SIGKILL. A debugging
 * port is opened only when asked for (a test run shares its browser by endpoint).
 */
export function spawnChromium(executablePath: string, args: readonly string[], options: { port?: boolean; timeoutMs?: number } = {}): SpawnedChromium {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const child = spawn(
    executablePath,
    [...launchArgs(executablePath), ...args, '--remote-debugging-pipe', ...(options.port ? ['--remote-debugging-port=0'] : []), 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    // Only the start is worth keeping, for a message; later output is drained and dropped.
    if (stderr.length < 64 * 1024) stderr += chunk;
  });
  const started = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`it exited (${signal ?? `code ${code}`}) ${lastLine(stderr)}`.trim())));
    child.once('spawn', () => resolve());
  });
  started.catch(() => undefined);
  const endpoint = options.port
    ? new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no DevTools endpoint after ${timeoutMs / 1000} s`)), timeoutMs);
        const look = () => {
          const m = /^DevTools listening on (ws:\/\/\S+)/m.exec(stderr);
          if (!m) return;
          clearTimeout(timer);
          child.stderr?.off('data', look);
          resolve(m[1]!);
        };
        child.stderr?.on('data', look);
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`it exited (${signal ?? `code ${code}`}) ${lastLine(stderr)}`.trim()));
        });
      })
    : undefined;
  // The endpoint may be awaited only later; a start-up failure must not go unhandled meanwhile.
  endpoint?.catch(() => undefined);
  return { child, transport, started, endpoint };
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter((l) => !/^\[\d+:\d+:/.test(l) || /ERROR|FATAL/.test(l)).pop() ?? '';
}
