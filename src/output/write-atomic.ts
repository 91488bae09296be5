import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Thrown by writeAtomic once writes are stopped (the process was asked to end). */
export class WritesStopped extends Error {
  constructor() {
    super('writing was stopped: the build was interrupted');
    this.name = 'WritesStopped';
  }
}

let stopped = false;

/**
 * After SIGINT or SIGTERM nothing may be written any more, even when a render that was
 * already in flight finishes before the process has exited: the author asked for the
 * build to stop, so the previous output stays as it was.
 */
export function stopWrites(): void {
  stopped = true;
}

export function writesStopped(): boolean {
  return stopped;
}

/**
 * Writes to a temporary name in the same folder, then renames: a reader (or a
 * crash halfway) sees the old file or the new one, never half of one. The temporary
 * name is unique per write, so two builds into one folder never share one.
 */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  if (stopped) throw new WritesStopped();
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
