import { RenderError } from '../diagnostics/diagnostic.js';

/**
 * One time budget for a whole render (--timeout), shared by its steps, so a slow load
 * followed by a slow pagination cannot take twice the limit. Steps that puppeteer
 * cannot time out itself (newPage, close) are raced against it too: a renderer stuck
 * in a loop answers nothing, and the build must still end.
 */
/** --timeout when none is given: a whole build, check and print, in a minute; also a check alone, or one rebuild of watch. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** The time was up: a RenderError (exit code 3) that watch can tell from other failures. */
export class DeadlineExpired extends RenderError {}

export class Deadline {
  private readonly end: number;
  /** `task` names what did not finish, for the message: a build, a check, a rebuild of watch. */
  constructor(
    readonly ms: number,
    private readonly task: 'build' | 'check' | 'rebuild' = 'build',
  ) {
    this.end = performance.now() + ms;
  }

  /** Milliseconds left, at least 1 (puppeteer reads 0 as "no timeout"). */
  remaining(): number {
    return Math.max(1, Math.round(this.end - performance.now()));
  }

  expired(step: string): DeadlineExpired {
    const stopped = {
      build: 'the browser was stopped and nothing was written',
      check: 'the check was stopped',
      rebuild: 'it was stopped, nothing was written, and watch goes on',
    }[this.task];
    return new DeadlineExpired(
      `the ${this.task} did not finish within ${formatSeconds(this.ms)} (while ${step}); ${stopped}. ` +
        'A long letter may need more time: pass --timeout <seconds>.',
    );
  }

  /**
   * Resolves as `promise` does, or rejects with `expired(step)` when the time is up,
   * also when puppeteer's own timeout (given `remaining()`) fires first.
   */
  async race<T>(promise: Promise<T>, step: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.expired(step)), this.remaining());
    });
    const own = promise.catch((err: unknown) => {
      throw (err as Error)?.name === 'TimeoutError' ? this.expired(step) : err;
    });
    try {
      return await Promise.race([own, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Waits at most `ms` for a clean-up step, and never fails: what is left is killed next. */
export async function bounded(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
