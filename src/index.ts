export { build, check } from './build.js';
export type { BuildOptions, BuildResult, CheckResult } from './build.js';
export { InputError, RenderError } from './diagnostics/diagnostic.js';
export type { Diagnostic, SourcePosition } from './diagnostics/diagnostic.js';
export { formatDiagnostic } from './diagnostics/format-diagnostic.js';
