import type { CitatieStijl } from '../records/format-citation.js';
import type { FootnoteSink } from '../templates/helper-context.js';

export interface CounterProgress {
  n: number;
  firstNumber: [string, number][];
}

/** How a second citation of the same source is written. */
export type Herhaling = 'zie-voetnoot' | 'volledig';

/**
 * Numbers footnotes straight through the letter and its bijlagen, in the order
 * they are called, across all Markdown files of one document. It also holds the
 * notes that helpers generate from records ({{motie "…"}}): their text is known
 * here, their labels are document-wide, so a second citation anywhere in the letter
 * can say "Zie voetnoot n".
 */
export class FootnoteCounter implements FootnoteSink {
  private n = 0;
  private readonly generated = new Map<string, string>();
  private readonly firstNumber = new Map<string, number>();
  private pending: string[] = [];

  constructor(
    readonly herhaling: Herhaling = 'zie-voetnoot',
    /** How "Zie voetnoot n" is written: formatZieVoetnoot in this style. */
    readonly stijl: CitatieStijl = 'ministerie',
  ) {}

  next(): number {
    return ++this.n;
  }

  get count(): number {
    return this.n;
  }

  /** For helpers: remembers the note's text and returns its Markdown call. */
  call(key: string, text: string): string {
    const label = `vb-${key}`;
    this.generated.set(label, text);
    if (!this.pending.includes(label)) this.pending.push(label);
    return `[^${label}]`;
  }

  /**
   * Definitions for the calls made since the last time, to append to the expanded
   * Markdown: the footnote syntax only recognises a call that has a definition. The
   * definition's text is filled in later from `generatedText`, so a citation never
   * passes through the Markdown parser (URLs and underscores stay as they are).
   */
  takeDefinitions(): string {
    const defs = this.pending.map((label) => `[^${label}]: .`).join('\n');
    this.pending = [];
    return defs ? `\n\n${defs}\n` : '';
  }

  generatedText(label: string): string | undefined {
    return this.generated.get(label);
  }

  /** The number of the first note for a document-wide label, if it has been placed. */
  earlier(label: string): number | undefined {
    return this.firstNumber.get(label);
  }

  /**
   * Everything the Markdown stage reads from the counter, as a string: a cached
   * render of a part is valid only after the same notes, numbered the same way.
   */
  state(): string {
    return JSON.stringify([this.herhaling, this.stijl, this.n, [...this.firstNumber], [...this.generated]]);
  }

  /** What rendering one part changed: its numbers and first citations. */
  progress(): CounterProgress {
    return { n: this.n, firstNumber: [...this.firstNumber] };
  }

  /** Replays a cached render's effect on the counter. */
  advance(to: CounterProgress): void {
    this.n = to.n;
    for (const [label, n] of to.firstNumber) this.remember(label, n);
  }

  remember(label: string, n: number): void {
    if (!this.firstNumber.has(label)) this.firstNumber.set(label, n);
  }
}
