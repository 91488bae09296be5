import type { SourcePosition } from './diagnostic.js';

/**
 * A run of text the tool wrote from a record (a register bijlage's label, a record's
 * stand_van_zaken), with where the author wrote that record. A position inside it is
 * reported there, in the data file, rather than at the part that shows it.
 */
export interface GeneratedRegion {
  /** Offsets in the generated text: the run is [start, end). */
  start: number;
  end: number;
  /** Where the author wrote it; asked only when a mark or diagnostic falls inside. */
  at(): SourcePosition | undefined;
}

/** Generated text built piece by piece, each piece with its place in the source. */
export class GeneratedText {
  private readonly pieces: string[] = [];
  private length = 0;
  readonly regions: GeneratedRegion[] = [];

  /** Appends `text`; with `at`, positions inside it are reported there. */
  add(text: string, at?: () => SourcePosition | undefined): this {
    if (at && text) this.regions.push({ start: this.length, end: this.length + text.length, at });
    this.pieces.push(text);
    this.length += text.length;
    return this;
  }

  /** Appends what `build` adds, all of it reported at `at` unless a piece says otherwise. */
  group(at: () => SourcePosition | undefined, build: (g: this) => void): this {
    const start = this.length;
    const index = this.regions.length;
    build(this);
    // Before its inner regions, so that they are found as the narrower ones.
    if (this.length > start) this.regions.splice(index, 0, { start, end: this.length, at });
    return this;
  }

  get text(): string {
    return this.pieces.join('');
  }
}
