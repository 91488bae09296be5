import { stopWrites } from '../output/write-atomic.js';
import { killBrowsers } from '../pdf/browser-session.js';
import { stopChecks } from '../check-worker-thread.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';

const CODES: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: EXIT.sigint, SIGTERM: EXIT.sigterm };

let received: 'SIGINT' | 'SIGTERM' | undefined;

/** The exit code of the signal that stopped this run, if one did (128 + its number, as shells expect). */
export function interruptedExitCode(): number | undefined {
  return received && CODES[received];
}

/**
 * Runs `work` (a build) so that Ctrl+C or a SIGTERM from CI ends it cleanly: no file
 * is written from then on, every browser this process started is killed (with its
 * whole process group and profile folder), and the process exits with 130 or 143.
 * The previous output stays as it was, because files are only ever written whole,
 * by rename (src/output/write-atomic.ts). A second signal exits at once; the exit
 * hook in browser-session.ts still kills the browsers synchronously then.
 */
export async function withSignalHandling<T>(
  io: Io,
  work: () => Promise<T>,
  outcome = 'the browser was closed and no output was written',
): Promise<T> {
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (received) process.exit(CODES[signal]);
    received = signal;
    stopWrites();
    io.err(`voortgangsbrief: stopped by ${signal}; ${outcome}`);
    // A check in a worker thread ends now, whatever it is in the middle of.
    stopChecks();
    void killBrowsers().finally(() => process.exit(CODES[signal]));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    // Once stopped, the handlers stay until the exit, so a second signal is handled too.
    if (!received) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}
