import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WritesStopped, writesStopped } from './write-atomic.js';

/** The file-system calls a staged write makes; a test replaces one to fail between the steps. */
export interface WriteOps {
  mkdir: (dir: string) => void;
  write: (file: string, data: string | Uint8Array) => void;
  rename: (from: string, to: string) => void;
}

export const FS_OPS: WriteOps = {
  mkdir: (dir) => mkdirSync(dir),
  write: (file, data) => writeFileSync(file, data, { flag: 'wx' }),
  rename: (from, to) => renameSync(from, to),
};

/**
 * Writes a whole build's files or none of them: every file goes to a temporary name
 * beside its target first. Only when all are written is the set committed: each
 * existing target is moved aside to a backup name in its folder and the new file
 * renamed in. A failure on the way (a full disk, a read-only folder, a name too long)
 * undoes every step in reverse, the new files out and the backups back in, and
 * removes the temporary files and the folders this write made: the output folder is
 * as it was, never some new files beside old ones. Backups go once all is in place.
 * Killed mid-commit (SIGKILL, power loss), the folder can hold a mix, with the old
 * versions as `.name.*.bak` beside it (docs/security.md).
 */
export function writeStaged(files: readonly { file: string; data: string | Uint8Array }[], ops: WriteOps = FS_OPS): void {
  if (writesStopped()) throw new WritesStopped();
  const made: string[] = [];
  const staged: { temp: string; file: string }[] = [];
  const tag = `${process.pid}.${randomBytes(6).toString('hex')}`;
  // What the commit did, in order, so a failure can undo it in reverse.
  const done: ({ kind: 'backup'; file: string; backup: string } | { kind: 'install'; file: string })[] = [];
  try {
    for (const { file, data } of files) {
      makeFolders(path.dirname(file), made, ops);
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.${tag}.tmp`);
      staged.push({ temp, file });
      ops.write(temp, data);
    }
    if (writesStopped()) throw new WritesStopped();
    for (const { temp, file } of staged) {
      if (existsSync(file)) {
        const backup = path.join(path.dirname(file), `.${path.basename(file)}.${tag}.bak`);
        ops.rename(file, backup);
        done.push({ kind: 'backup', file, backup });
      }
      ops.rename(temp, file);
      done.push({ kind: 'install', file });
    }
  } catch (err) {
    undo(done, ops);
    for (const { temp } of staged) rmSync(temp, { force: true });
    for (const dir of made.reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty: a file that could not be moved back is in it. It stays.
      }
    }
    throw err;
  }
  for (const step of done) if (step.kind === 'backup') rmSync(step.backup, { force: true });
}

/** Takes the new files out and puts the previous ones back, last step first. */
function undo(done: readonly ({ kind: 'backup'; file: string; backup: string } | { kind: 'install'; file: string })[], ops: WriteOps): void {
  for (const step of [...done].reverse()) {
    try {
      if (step.kind === 'install') rmSync(step.file, { force: true });
      else ops.rename(step.backup, step.file);
    } catch {
      // Best effort: the backup keeps the previous version under its own name.
    }
  }
}

function makeFolders(dir: string, made: string[], ops: WriteOps): void {
  if (existsSync(dir)) return;
  makeFolders(path.dirname(dir), made, ops);
  ops.mkdir(dir);
  made.push(dir);
}
