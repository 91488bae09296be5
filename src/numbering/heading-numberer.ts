import { letterFor, roman } from './roman.js';
import type { Scheme } from './resolve-scheme.js';

/** The number of one heading. */
export interface HeadingNumber {
  /** As printed before the heading: "Hoofdstuk I", "I.1", "1.", "a.". */
  label: string;
  /** As a cross-reference writes it: "I", "I.1.2", "1", "2a". */
  ref: string;
  /** 1–4 within the scheme. */
  level: number;
}

export const MAX_LEVEL = 4;

/**
 * Counts headings per level for one numbered part (the letter, or one bijlage). A level
 * starts again at 1 under each new heading above it, unless it is `doorlopend`: the ten
 * prioriteiten of a plan count 1–10 straight across its four pijlers.
 */
export class HeadingNumberer {
  private counts = [0, 0, 0, 0];

  constructor(readonly scheme: Scheme) {}

  /** Counts a heading of `level` (1–4) and returns its number, or undefined when the level is not numbered. */
  next(level: number): HeadingNumber | undefined {
    if (level < 1 || level > MAX_LEVEL) return undefined;
    this.counts[level - 1]! += 1;
    for (let j = level; j < MAX_LEVEL; j++) {
      if (!this.scheme.levels[j]!.doorlopend) this.counts[j] = 0;
    }
    const format = this.scheme.levels[level - 1]!;
    if (format.vorm === 'geen') return undefined;
    const own = this.component(level);
    if (this.scheme.hierarchical) {
      // A doorlopend level needs no prefix from above: its number is unique on its own.
      let start = level;
      while (start > 1 && !this.scheme.levels[start - 1]!.doorlopend) start--;
      const chain: string[] = [];
      for (let j = start; j <= level; j++) {
        if (this.scheme.levels[j - 1]!.vorm !== 'geen' && (this.counts[j - 1]! > 0 || j === level)) chain.push(this.component(j));
      }
      const ref = chain.join('.');
      return { label: format.woord ? `${format.woord} ${ref}` : ref, ref, level };
    }
    const above: string[] = [];
    for (let j = 1; j < level; j++) {
      if (this.scheme.levels[j - 1]!.vorm !== 'geen' && this.counts[j - 1]! > 0 && !format.doorlopend) above.push(this.component(j));
    }
    return { label: format.woord ? `${format.woord} ${own}` : `${own}.`, ref: [...above, own].join(''), level };
  }

  private component(level: number): string {
    const n = this.counts[level - 1]!;
    switch (this.scheme.levels[level - 1]!.vorm) {
      case 'letter':
        return letterFor(n - 1);
      case 'romeins':
        return roman(n);
      default:
        return String(n);
    }
  }

  /** The counts, for a cached render that is valid only after the same headings. */
  state(): string {
    return this.counts.join(',');
  }

  restore(state: string): void {
    this.counts = state.split(',').map(Number);
  }
}
