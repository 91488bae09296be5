import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { WriteBehind } from './write-behind.js';

/** Entries kept per tool build; past this, the least recently used half goes. */
const MAX_ENTRIES = 2000;
/** Folders of other tool builds are removed once untouched this long. */
const STALE_BUILD_MS = 7 * 24 * 3600 * 1000;
/**
 * Written into every build folder. Only folders that hold it are ever removed: the
 * cache root may be a folder the user named (VOORTGANGSBRIEF_CACHE) that holds other things.
 */
const MARKER = '.voortgangsbrief-cache';

/**
 * A content-addressed store on disk: one file per entry, named by the digest of
 * everything the entry depends on, in a folder per build of the tool (its version and
 * code), so an upgrade never reads what an older build wrote. The cache can only make
 * a run faster: every failure to read, decode or write counts as a miss and is
 * otherwise ignored, and entries are written atomically (a temp file renamed), so
 * builds running at the same time can share a folder.
 */
export class DiskStore {
  private readonly dir: string;
  private written = 0;
  private ready = false;

  /** With `behind`, writes and pruning wait for its flush (write-behind.ts). */
  constructor(
    root: string,
    buildId: string,
    private readonly behind?: WriteBehind,
  ) {
    this.dir = path.join(root, buildId);
  }

  read(kind: string, key: string): unknown {
    const file = this.file(kind, key);
    let value: unknown;
    try {
      value = deserialize(readFileSync(file));
    } catch {
      return undefined;
    }
    try {
      // Recently used entries survive pruning: their time is the last use.
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // A cache on a read-only disk still serves its entries.
    }
    return value;
  }

  write(kind: string, key: string, value: unknown): void {
    let bytes: Buffer;
    try {
      bytes = serialize(value);
    } catch {
      // A value V8 cannot serialise: run without the cache.
      return;
    }
    if (this.behind) this.behind.add(() => this.writeFile(kind, key, bytes));
    else this.writeFile(kind, key, bytes);
  }

  private writeFile(kind: string, key: string, bytes: Buffer): void {
    const file = this.file(kind, key);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      if (!this.ready) this.prepare();
      writeFileSync(temp, bytes);
      renameSync(temp, file);
      this.written++;
    } catch {
      // A read-only or full disk: run without the cache.
      try {
        rmSync(temp, { force: true });
      } catch {
        // Nothing was written then.
      }
    }
  }

  /** After a run that wrote something: keep the folder bounded and drop old builds' folders. */
  prune(): void {
    if (this.behind) this.behind.add(() => this.pruneNow());
    else this.pruneNow();
  }

  private pruneNow(): void {
    if (this.written === 0) return;
    this.written = 0;
    try {
      const entries = readdirSync(this.dir).filter((name) => name !== MARKER);
      if (entries.length > MAX_ENTRIES) {
        const byAge = entries
          .map((name) => ({ name, t: mtime(path.join(this.dir, name)) }))
          .sort((a, b) => a.t - b.t);
        for (const { name } of byAge.slice(0, entries.length - MAX_ENTRIES / 2)) rmSync(path.join(this.dir, name), { force: true });
      }
    } catch {
      // Pruning is housekeeping; a failure leaves a larger cache, not a broken run.
    }
  }

  private file(kind: string, key: string): string {
    // base64url digests are safe file names.
    return path.join(this.dir, `${kind}-${key}`);
  }

  private prepare(): void {
    this.ready = true;
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(path.join(this.dir, MARKER), 'parse cache of voortgangsbrief; safe to delete\n');
    const root = path.dirname(this.dir);
    for (const other of readdirSync(root)) {
      const folder = path.join(root, other);
      if (folder === this.dir || !existsSync(path.join(folder, MARKER))) continue;
      if (Date.now() - mtime(folder) > STALE_BUILD_MS) rmSync(folder, { recursive: true, force: true });
    }
  }
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
