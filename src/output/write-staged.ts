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
 * beside its target first; only when all are written are they renamed into place.
 * A failure on the way (a full disk, a read-only folder, a name too long) removes
 * the temporary files and the folders this write made, so the output folder is as
 * it was: no output/assets without its PDF.
 */
export function writeStaged(files: readonly { file: string; data: string | Uint8Array }[], ops: WriteOps = FS_OPS): void {
  if (writesStopped()) throw new WritesStopped();
  const made: string[] = [];
  const staged: { temp: string; file: string }[] = [];
  const tag = `${process.pid}.${randomBytes(6).toString('hex')}`;
  try {
    for (const { file, data } of files) {
      makeFolders(path.dirname(file), made, ops);
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.${tag}.tmp`);
      staged.push({ temp, file });
      ops.write(temp, data);
    }
    if (writesStopped()) throw new WritesStopped();
    while (staged.length) {
      const next = staged[0]!;
      ops.rename(next.temp, next.file);
      staged.shift();
    }
  } catch (err) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    for (const dir of made.reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty: an earlier file of this write was renamed into it. It stays.
      }
    }
    throw err;
  }
}

function makeFolders(dir: string, made: string[], ops: WriteOps): void {
  if (existsSync(dir)) return;
  makeFolders(path.dirname(dir), made, ops);
  ops.mkdir(dir);
  made.push(dir);
}
