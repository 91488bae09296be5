import { createHash } from 'node:crypto';

/**
 * Results of pure work (parsing a file, rendering a Markdown part) kept by a digest
 * of everything they depend on, for the next build in the same process: in watch
 * mode an unchanged section or data file is then neither parsed nor rendered again.
 * Failures are not kept; a broken file is parsed again until it is fixed.
 */
export class Memo<V> {
  private entries = new Map<string, V>();
  private used = new Map<string, V>();
  hits = 0;
  misses = 0;

  get(inputs: readonly string[], compute: () => V): V {
    const key = digest(inputs);
    const known = this.used.get(key) ?? this.entries.get(key);
    if (known !== undefined) {
      this.hits++;
      this.used.set(key, known);
      return known;
    }
    this.misses++;
    const value = compute();
    this.used.set(key, value);
    return value;
  }

  /**
   * Ends a build: what it did not use is forgotten, so a long watch session holds
   * one build's worth of results rather than every version of every file.
   */
  sweep(): void {
    this.entries = this.used;
    this.used = new Map();
  }
}

function digest(inputs: readonly string[]): string {
  const hash = createHash('sha1');
  for (const input of inputs) hash.update(`${input.length}:`).update(input);
  return hash.digest('base64');
}
