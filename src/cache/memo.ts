import { createHash } from 'node:crypto';
import type { DiskStore } from './disk-store.js';

/**
 * How a memo's values go to disk and come back. `decode` gets the inputs the entry was
 * keyed by (a file's text, say) and may answer undefined: the entry no longer holds
 * (a file it names has changed), and the value is computed again.
 */
export interface Codec<V> {
  encode(value: V): unknown;
  decode(data: unknown, inputs: readonly string[]): V | undefined;
}

/** A memo's second level: entries kept on disk across runs (src/cache/disk-store.ts). */
export interface Persistence<V> {
  store: DiskStore;
  /** Part of each entry's file name, so that the kinds of entries cannot collide. */
  kind: string;
  codec: Codec<V>;
}

/**
 * Results of pure work (parsing a file, rendering a Markdown part) kept by a digest
 * of everything they depend on, for the next build in the same process: in watch
 * mode an unchanged section or data file is then neither parsed nor rendered again.
 * With a Persistence, results also outlive the process (a parse cache on disk).
 * Failures are not kept; a broken file is parsed again until it is fixed.
 */
export class Memo<V> {
  private entries = new Map<string, V>();
  private used = new Map<string, V>();
  hits = 0;
  misses = 0;
  /** Hits that came from disk, a part of `hits`. */
  diskHits = 0;

  constructor(private readonly persistence?: Persistence<V>) {}

  get(inputs: readonly string[], compute: () => V): V {
    const key = digest(inputs);
    const known = this.used.get(key) ?? this.entries.get(key) ?? this.fromDisk(key, inputs);
    if (known !== undefined) {
      this.hits++;
      this.used.set(key, known);
      return known;
    }
    this.misses++;
    const value = compute();
    this.used.set(key, value);
    const p = this.persistence;
    if (p) p.store.write(p.kind, key, p.codec.encode(value));
    return value;
  }

  /**
   * Ends a build: what it did not use is forgotten, so a long watch session holds
   * one build's worth of results rather than every version of every file.
   */
  sweep(): void {
    this.entries = this.used;
    this.used = new Map();
    this.persistence?.store.prune();
  }

  private fromDisk(key: string, inputs: readonly string[]): V | undefined {
    const p = this.persistence;
    if (!p) return undefined;
    const data = p.store.read(p.kind, key);
    if (data === undefined) return undefined;
    let value: V | undefined;
    try {
      value = p.codec.decode(data, inputs);
    } catch {
      value = undefined;
    }
    if (value !== undefined) this.diskHits++;
    return value;
  }
}

/** A short content hash of `inputs`, their boundaries included. */
export function digest(inputs: readonly string[]): string {
  const hash = createHash('sha1');
  for (const input of inputs) hash.update(`${input.length}:`).update(input);
  return hash.digest('base64url');
}
