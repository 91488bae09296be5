export { build } from './build.js';
export { check } from './check.js';
export type { BuildOptions, BuildResult } from './build.js';
export type { CheckOptions, CheckResult } from './check.js';
export { InputError, RenderError } from './diagnostics/diagnostic.js';
export type { Diagnostic, SourcePosition } from './diagnostics/diagnostic.js';
export { formatDiagnostic } from './diagnostics/format-diagnostic.js';
