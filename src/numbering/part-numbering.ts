import { HeadingNumberer, type HeadingNumber } from './heading-numberer.js';
import type { Scheme } from './resolve-scheme.js';

export type CaptionKind = 'tabel' | 'figuur';
/** Captions count through the document, or start again in every chapter ("Tabel 2.3"). */
export type CaptionMode = 'doorlopend' | 'per-hoofdstuk';

/**
 * Table and figure numbers. One counter serves the letter and its plain bijlagen, so
 * "Tabel 4" in a bijlage follows "Tabel 3" in the letter; a report has its own.
 */
export class CaptionCounter {
  tabel = 0;
  figuur = 0;
  chapter = '';

  constructor(readonly mode: CaptionMode = 'doorlopend') {}

  /** A new chapter (or a bijlage without chapters, ''): per chapter, the counts start again. */
  enterChapter(ref: string): void {
    this.chapter = ref;
    if (this.mode === 'per-hoofdstuk') this.tabel = this.figuur = 0;
  }

  /** The next caption's number: "3", or "2.3" per chapter. */
  next(kind: CaptionKind): string {
    const n = kind === 'tabel' ? ++this.tabel : ++this.figuur;
    return this.mode === 'per-hoofdstuk' && this.chapter ? `${this.chapter}.${n}` : String(n);
  }

  state(): string {
    return JSON.stringify([this.mode, this.tabel, this.figuur, this.chapter]);
  }

  restore(state: string): void {
    const s = JSON.parse(state) as [string, number, number, string];
    [, this.tabel, this.figuur, this.chapter] = s;
  }
}

/**
 * The counters of one numbered part of the document (the letter, or one bijlage): its
 * headings, and the captions it shares. Parts are rendered one file after the other,
 * so the counters live here rather than in one file's render.
 */
export class PartNumbering {
  readonly headings: HeadingNumberer;

  constructor(
    readonly scheme: Scheme,
    /** The scheme level of the first Markdown heading level ("#"). */
    readonly firstLevel: number,
    readonly captions: CaptionCounter,
  ) {
    this.headings = new HeadingNumberer(scheme);
  }

  /** Counts a heading of scheme level `level`; a chapter (level 1) starts the per-chapter caption counts again. */
  heading(level: number): HeadingNumber | undefined {
    const n = this.headings.next(level);
    if (level === 1) this.captions.enterChapter(n?.ref ?? this.headings.state().split(',')[0]!);
    return n;
  }

  caption(kind: CaptionKind): string {
    return this.captions.next(kind);
  }

  state(): string {
    return JSON.stringify([this.scheme, this.firstLevel, this.headings.state(), this.captions.state()]);
  }

  restore(state: string): void {
    const s = JSON.parse(state) as [unknown, unknown, string, string];
    this.headings.restore(s[2]);
    this.captions.restore(s[3]);
  }
}
