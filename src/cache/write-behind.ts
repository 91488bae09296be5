/**
 * Parse-cache writes held back until the run's result has been handed over: a one-off
 * check in its worker (src/check-worker.ts) replies first and writes its entries after,
 * while the build goes on to paginate, so the ~10 ms of file system calls a cold check
 * makes are off the build's critical path. The values are serialised when they are
 * queued, so nothing the run does with them afterwards can change what is stored.
 */
export class WriteBehind {
  private jobs: (() => void)[] = [];

  add(job: () => void): void {
    this.jobs.push(job);
  }

  /** Runs what was queued, in order; each job swallows its own failures (disk-store.ts). */
  flush(): void {
    const jobs = this.jobs;
    this.jobs = [];
    for (const job of jobs) job();
  }
}
