import { InputError, type Diagnostic } from './diagnostics/diagnostic.js';

/** With --strict a warning fails the run like an error, before anything is written. */
export function failOnWarnings(warnings: readonly Diagnostic[]): void {
  if (warnings.length) throw new InputError(warnings.map((w) => ({ ...w, severity: 'error' as const })));
}
