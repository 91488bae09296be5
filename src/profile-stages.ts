/**
 * Stage timings for finding where a build's time goes (bench/README.md). Off unless
 * VOORTGANGSBRIEF_PROFILE is set; then each stage's start and end, in ms since the
 * process started, go to stderr as one line, which bench/profile.ts collects.
 */
export const profiling = Boolean(process.env.VOORTGANGSBRIEF_PROFILE);

function now(): number {
  return performance.now();
}

function report(stage: string, start: number, end: number): void {
  process.stderr.write(`profile: ${stage} ${start.toFixed(0)} ${end.toFixed(0)}\n`);
}

export async function profiled<T>(stage: string, work: () => Promise<T>): Promise<T> {
  if (!profiling) return work();
  const start = now();
  try {
    return await work();
  } finally {
    report(stage, start, now());
  }
}

export function profiledSync<T>(stage: string, work: () => T): T {
  if (!profiling) return work();
  const start = now();
  try {
    return work();
  } finally {
    report(stage, start, now());
  }
}

/** Stages measured elsewhere (in the page), as start and end in ms of their own clock. */
export function reportStage(stage: string, start: number, end: number): void {
  if (profiling) report(stage, start, end);
}
