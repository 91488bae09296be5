import type { SourcePosition } from './diagnostic.js';
import type { GeneratedRegion } from './generated-text.js';

/** A run of text produced from one place in the source. */
export interface Segment {
  /** Offset in the produced text where the run starts. */
  out: number;
  /** Offset in the source where it comes from. */
  src: number;
  /** Where the source construct ends: the range of a helper call. */
  srcEnd?: number;
  /** Copied as it is (text between expressions): offsets inside map one to one. */
  verbatim: boolean;
}

/** Text appended after the expansion that knows where its pieces come from (a register bijlage). */
interface Generated {
  /** Offset in the produced text where the generated text starts. */
  base: number;
  regions: readonly GeneratedRegion[];
  /** What the regions' answers depend on: the register's files, by content. */
  version: string;
}

/** A point as unified gives it: 1-based line and column, and the 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset?: number | undefined;
}

/**
 * Maps offsets in text that was produced from an author's file (a Markdown body after
 * its {{…}} were filled in) back to the file's own lines and columns. A `{{#each}}` or
 * a helper above a mistake makes the produced text longer than the source; the map
 * keeps every later position where the author wrote it. Text a helper wrote maps to
 * the helper call, start to end.
 */
export class PositionMap {
  private readonly lineStarts: number[];

  constructor(
    readonly file: string,
    private readonly source: string,
    /** The file line on which `source` starts (a body after its front matter). */
    private readonly firstLine: number,
    private readonly segments: readonly Segment[],
    /** The length of the produced text that the segments cover; what is after it was generated. */
    private readonly coveredLength: number,
    private readonly generated?: Generated,
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** Everything the map's answers depend on, for caches keyed by it. */
  signature(): string {
    const g = this.generated;
    const regions = g && [g.base, g.version, g.regions.map((r) => [r.start, r.end])];
    return JSON.stringify([this.file, this.firstLine, this.source.length, this.coveredLength, this.segments, regions ?? null]);
  }

  /**
   * The same map for the produced text followed, from offset `base`, by generated text
   * whose regions say where their pieces come from; `version` changes when those places
   * may have moved, though the text did not.
   */
  withGenerated(base: number, regions: readonly GeneratedRegion[], version: string): PositionMap {
    return new PositionMap(this.file, this.source, this.firstLine, this.segments, this.coveredLength, { base, regions, version });
  }

  /** The map of text that is the source itself. */
  static identity(file: string, source: string, firstLine: number): PositionMap {
    return new PositionMap(file, source, firstLine, [{ out: 0, src: 0, verbatim: true }], source.length);
  }

  /** The source position of `point` in the produced text, with the range to `end` if given. */
  locate(point: Point | undefined, end?: Point): SourcePosition {
    if (!point) return { file: this.file, ...this.lineColumn(0) };
    const fromData = this.generatedAt(this.offsetOf(point));
    if (fromData) return fromData;
    const start = this.sourceRange(this.offsetOf(point));
    const last = end ? this.sourceRange(this.offsetOf(end), true) : undefined;
    const to = last && last.verbatim && start.verbatim ? last.from : (start.to ?? last?.from);
    return {
      file: this.file,
      ...this.lineColumn(start.from),
      ...(to !== undefined && to > start.from ? { end: this.lineColumn(to) } : {}),
    };
  }

  /** The place of the narrowest generated region around `out` that knows one. */
  private generatedAt(out: number): SourcePosition | undefined {
    const g = this.generated;
    if (!g || out < g.base) return undefined;
    const at = out - g.base;
    const around = g.regions.filter((r) => r.start <= at && at < r.end).sort((a, b) => a.end - a.start - (b.end - b.start));
    // A field that cannot be found falls back to the record around it.
    for (const r of around) {
      const found = r.at();
      if (found) return found;
    }
    return undefined;
  }

  private offsetOf(point: Point): number {
    return point.offset ?? 0;
  }

  private sourceRange(out: number, isEnd = false): { from: number; to?: number; verbatim: boolean } {
    // Text appended after the expansion (a register bijlage, note definitions) was generated: its place is the start.
    if (out > this.coveredLength) return { from: 0, verbatim: false };
    let lo = 0;
    let hi = this.segments.length - 1;
    // The last segment starting at or before `out` (for an end, strictly before).
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const s = this.segments[mid]!;
      if (isEnd ? s.out < out : s.out <= out) lo = mid;
      else hi = mid - 1;
    }
    const seg = this.segments[lo];
    if (!seg) return { from: 0, verbatim: false };
    if (seg.verbatim) return { from: Math.min(this.source.length, seg.src + out - seg.out), verbatim: true };
    return { from: seg.src, ...(seg.srcEnd === undefined ? {} : { to: seg.srcEnd }), verbatim: false };
  }

  private lineColumn(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: this.firstLine + lo, column: offset - this.lineStarts[lo]! + 1 };
  }
}
