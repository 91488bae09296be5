import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format-diagnostic.js';

/** Where a command writes: stdout for results (JSON), stderr for people. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
}

export function defaultIo(): Io {
  return {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
  };
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], io: Io): void {
  for (const d of diagnostics) io.err(formatDiagnostic(d, process.cwd(), io.color));
}
