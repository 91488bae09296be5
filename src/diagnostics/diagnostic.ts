/**
 * A position in a source file; line and column are 1-based, as editors show them.
 * Line 0 (and column 0) stands for the file as a whole: it is missing, empty, not
 * UTF-8, too large; no line of it is to blame (see `wholeFile`).
 */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
  /** Where the offending text ends (exclusive), when it is known: a range for editors and carets. */
  end?: { line: number; column: number };
}

export type Severity = 'error' | 'warning';

/** One finding about the author's input, always tied to a place in a file. */
export interface Diagnostic extends SourcePosition {
  severity: Severity;
  message: string;
  hint?: string;
  /** What kind of mistake, stable for tools: "unknown-helper-option", "missing-alt", … */
  rule?: string;
}

/**
 * Thrown by any stage when the author's input is wrong. The CLI turns it into
 * `file:line:col` lines and exit code 1; it is never shown as a stack trace.
 */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${formatLocation(d)}: ${d.message}`).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}

/** The position of a mistake that belongs to a whole file, not to a place in it. */
export function wholeFile(file: string): SourcePosition {
  return { file, line: 0, column: 0 };
}

/** "file:line:col", or just "file" for the file as a whole. */
export function formatLocation(d: SourcePosition, file: string = d.file): string {
  return d.line > 0 ? `${file}:${d.line}:${d.column}` : file;
}

/** The browser could not be found, started, or did not finish the render (exit code 3). */
export class RenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenderError';
  }
}

export function inputError(position: SourcePosition, message: string, hint?: string, rule?: string): InputError {
  return new InputError([{ ...position, severity: 'error', message, ...(hint ? { hint } : {}), ...(rule ? { rule } : {}) }]);
}

/** The most errors shown in one run; the JSON report lists all of them. */
export const MAX_SHOWN_ERRORS = 50;

/** Sorted by file, then line and column, without repeats: the order an author fixes them in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics
    .filter((d) => {
      const key = `${d.file}\0${d.line}\0${d.column}\0${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

/** Converts a 0-based character offset into a 1-based line and column. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
