/*
 * The contract between the page runner (in the page) and the PDF writer (in Node):
 * the runner settles window.__vbKlaar with one of these, and src/pdf/paginate-page.ts
 * awaits it. Both sides import these types, so a change on one side is a type error
 * on the other instead of a silent `undefined`.
 */

/** Something the author should hear about; Node reports it as a warning. */
export interface RunnerWarning {
  message: string;
  hint: string;
  /** The source mark (data-vb-at) of the element it is about; Node looks up where the author wrote it. */
  at?: string;
  /** What kind of finding, stable for tools (Diagnostic.rule). */
  rule?: string;
}

/** The runner cut the letter into pages. */
export interface RunnerResult {
  pages: number;
  footnotes: number;
  waarschuwingen: RunnerWarning[];
}

/** The runner failed (a script error, an image that would not load). */
export interface RunnerFailure {
  fout: string;
}

export type RunnerOutcome = RunnerResult | RunnerFailure;

export function isRunnerFailure(outcome: RunnerOutcome): outcome is RunnerFailure {
  return typeof (outcome as Partial<RunnerFailure>).fout === 'string';
}

declare global {
  interface Window {
    /** Settles once, with the result or the failure. */
    __vbKlaar?: Promise<RunnerOutcome>;
    /** The result again, for pollers that cannot await a promise (watch's preview). */
    __vbResultaat?: RunnerResult;
    /** The first failure, kept so a later error does not replace it. */
    __vbFout?: string;
    /** Set by the first copy of the runner: old layouts load it twice. */
    __vbRunner?: boolean;
  }
}
