import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { spawnChromium } from './spawn-chromium.js';
import { RenderError } from '../diagnostics/diagnostic.js';
import { bounded } from './deadline.js';
import { findBrowser } from './find-browser.js';

/** One browser for a whole run; every document of the run gets a page in it. */
export interface BrowserSession {
  browser: Browser;
  /** The Chromium that was started; undefined for a browser connected to by endpoint. */
  executablePath?: string;
  /** The DevTools endpoint of a shareable browser (LaunchOptions.shareable). */
  wsEndpoint?: string;
  close(): Promise<void>;
  /** Ends the browser at once, without a polite close (after a failure or a timeout). */
  kill(): Promise<void>;
  /**
   * The tab Chromium opened at its start (about:blank), the first time it is asked for;
   * then, and for a browser connected to by endpoint (not ours), undefined.
   */
  takeStartPage(): Promise<Page | undefined>;
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
  // Request interception answers every request, but Chromium also opens connections on
  // its own (preconnects to hosts a page used before). Every host but this machine goes
  // to a proxy that is not there, so nothing leaves the machine, not even a DNS lookup.
  '--proxy-server=http://127.0.0.1:9',
  // And below the proxy: every host name resolves to nothing, so not even a request
  // that interception and the page's policy both missed (a WebSocket, a prefetch, a
  // DNS lookup) can leave. The document's origin is made up and answered in-process.
  '--host-resolver-rules=MAP * ~NOTFOUND',
  // WebRTC may send UDP past any proxy; it gets no route at all.
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];

/** Profile preferences: 2 is "never predict", no preconnects and no DNS prefetching. */
const PREFERENCES = { net: { network_prediction_options: 2 } };

/** How long a browser gets to close politely before it is killed. */
const CLOSE_GRACE_MS = 3000;

export interface LaunchOptions {
  executablePath?: string;
  /** Connect to a browser someone else owns (tests share one per run). */
  browserWSEndpoint?: string;
  /** Also open a DevTools port, so that others can connect (the test run's shared browser). */
  shareable?: boolean;
}

interface Launched {
  /** Undefined while Chromium is starting. */
  browser?: Browser;
  /** Chromium's main process, from the moment it is spawned. */
  child?: ChildProcess;
  userDataDir: string;
  /** Set once closing has begun; the entry leaves `launched` only when it is done. */
  closing?: Promise<void>;
}

/**
 * Browsers this process started and has not cleaned up after yet: what a signal or exit
 * must end. An entry stays until its profile folder is gone, so a signal during a polite
 * close still waits for that (and a process.exit meanwhile still removes it).
 */
const launched = new Set<Launched>();

export async function openBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  if (options.browserWSEndpoint) {
    const puppeteer = await loadPuppeteer();
    const browser = await puppeteer.connect({ browserWSEndpoint: options.browserWSEndpoint });
    return { browser, close: async () => browser.disconnect(), kill: async () => browser.disconnect(), takeStartPage: async () => undefined };
  }
  const executablePath = findBrowser(options.executablePath);
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'voortgangsbrief-chromium-'));
  mkdirSync(path.join(userDataDir, 'Default'));
  writeFileSync(path.join(userDataDir, 'Default/Preferences'), JSON.stringify(PREFERENCES));
  const entry: Launched = { userDataDir };
  installExitHook();
  launched.add(entry);
  watchSignals(true);
  let browser: Browser;
  let wsEndpoint: string | undefined;
  try {
    // Chromium first, puppeteer second: its ~110 ms of loading overlap Chromium's start.
    // From here on a signal or exit can kill the process, even before it answers.
    const spawned = spawnChromium(executablePath, [...FLAGS, `--user-data-dir=${userDataDir}`], { port: Boolean(options.shareable) });
    entry.child = spawned.child;
    const puppeteer = await loadPuppeteer();
    await spawned.started;
    // A Chromium that dies while connecting closes the pipe, which fails the connect.
    const exited = new Promise<never>((_, reject) => spawned.child.once('exit', (code, signal) => reject(new Error(`it exited (${signal ?? `code ${code}`})`))));
    exited.catch(() => undefined);
    browser = await Promise.race([puppeteer.connect({ transport: spawned.transport, defaultViewport: { width: 800, height: 600 } }), exited]);
    if (spawned.endpoint) wsEndpoint = await spawned.endpoint;
  } catch (err) {
    await closeLaunched(entry, false);
    throw new RenderError(`Chromium at ${executablePath} did not start: ${(err as Error).message.split('\n')[0]}`);
  }
  entry.browser = browser;
  // Stopped while it was starting: killBrowsers() has already begun to end this one.
  if (entry.closing) {
    await entry.closing;
    throw new RenderError('the build was stopped while Chromium was starting');
  }
  // Its renderer has been starting with the browser; a new page would start another.
  let startPage = browser.targets().find((t) => t.type() === 'page');
  const takeStartPage = async (): Promise<Page | undefined> => {
    const target = startPage;
    startPage = undefined;
    return (await target?.page()) ?? undefined;
  };
  return {
    browser,
    executablePath,
    ...(wsEndpoint ? { wsEndpoint } : {}),
    close: () => closeLaunched(entry, true),
    kill: () => closeLaunched(entry, false),
    takeStartPage,
  };
}

async function loadPuppeteer() {
  return (await import('puppeteer-core')).default;
}

/** Ends every browser this process started, at once: for SIGINT and SIGTERM. */
export async function killBrowsers(): Promise<void> {
  await Promise.all([...launched].map((entry) => closeLaunched(entry, false)));
}

function closeLaunched(entry: Launched, polite: boolean): Promise<void> {
  // A signal during a polite close escalates it: the browser is killed at once.
  if (!polite) killGroup(entry.child ?? null);
  entry.closing ??= cleanUp(entry, polite);
  return entry.closing;
}

async function cleanUp(entry: Launched, polite: boolean): Promise<void> {
  const child = entry.child ?? null;
  // Read now: a Chromium that closes politely deletes the link on its way out, and may
  // be killed below before it has deleted the folder the link points to.
  const socketDir = singletonSocketDir(entry.userDataDir);
  if (polite && entry.browser) {
    // A renderer stuck in a loop can keep browser.close() waiting for ever. The close
    // resolves when the connection drops; the process takes a moment longer to exit.
    await bounded(entry.browser.close(), CLOSE_GRACE_MS);
    await bounded(exited(child), CLOSE_GRACE_MS);
  }
  // Once SIGKILL is sent no Chromium process writes again, so the folders go while the
  // kernel is still tearing the processes down, off this thread (~30 ms for a build's
  // profile, which a build spends finishing its PDF meanwhile).
  const killed = killGroup(child);
  const removed = killed ? removeProfileAsync(entry.userDataDir, socketDir) : undefined;
  await bounded(exited(child), 2000);
  await (removed ?? removeProfileAsync(entry.userDataDir, socketDir));
  launched.delete(entry);
  if (launched.size === 0) watchSignals(false);
}

/**
 * The profile folder, and the folder Chromium makes in TMPDIR for its singleton
 * socket (org.chromium.Chromium.*), which it removes itself only when it closes
 * normally. The profile holds symlinks to it, so exactly that folder is removed.
 */
function removeProfile(userDataDir: string, socketDir = singletonSocketDir(userDataDir)): void {
  if (socketDir) rmSync(socketDir, { recursive: true, force: true });
  rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

/** removeProfile in the thread pool; what it could not remove is tried once more in this thread. */
async function removeProfileAsync(userDataDir: string, socketDir: string | undefined): Promise<void> {
  try {
    await Promise.all([
      socketDir ? rm(socketDir, { recursive: true, force: true }) : undefined,
      rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }),
    ]);
  } catch {
    removeProfile(userDataDir, socketDir);
  }
}

function singletonSocketDir(userDataDir: string): string | undefined {
  try {
    const socketDir = path.dirname(readlinkSync(path.join(userDataDir, 'SingletonSocket')));
    return path.basename(socketDir).startsWith('org.chromium.Chromium.') ? socketDir : undefined;
  } catch {
    // No singleton socket: Chromium had not got that far, or removed it itself.
    return undefined;
  }
}

/**
 * puppeteer starts Chromium as the leader of its own process group, so the group id
 * reaches the zygote and renderers too, which killing only the main process would leave.
 */
function killGroup(child: ChildProcess | null): boolean {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return false;
  try {
    process.kill(-child.pid, 'SIGKILL');
    return true;
  } catch {
    // The group is gone already; the main process alone, if it is still there.
    return child.kill('SIGKILL') && false;
  }
}

function exited(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

let exitHook = false;
function installExitHook(): void {
  if (exitHook) return;
  exitHook = true;
  process.once('exit', killAllSync);
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * A signal that ends the process skips the exit hook, and Chromium, started detached,
 * would live on. While a browser runs, a signal kills it first; when nobody else
 * listens for the signal (a program using the API without handlers of its own), it is
 * raised again so the process ends as it would have. The CLI has its own handler
 * (src/cli/signals.ts), which decides the exit code.
 */
function onSignal(signal: NodeJS.Signals): void {
  killAllSync();
  // (Counted without this listener: it may already be removed by a handler that ran first.)
  if (process.listeners(signal).some((listener) => listener !== onSignal)) return;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.kill(process.pid, signal);
}

function watchSignals(on: boolean): void {
  for (const s of SIGNALS) {
    process.off(s, onSignal);
    if (on) process.on(s, onSignal);
  }
}

/** On process.exit nothing asynchronous runs any more; kill and remove what is left. */
function killAllSync(): void {
  for (const entry of launched) {
    killGroup(entry.child ?? null);
    removeProfile(entry.userDataDir);
  }
  launched.clear();
  watchSignals(false);
}
