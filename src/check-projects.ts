import { check, type CheckResult } from './check.js';
import type { WriteBehind } from './cache/write-behind.js';
import { InputError, type Diagnostic } from './diagnostics/diagnostic.js';

/** What a build needs of a checked project. */
export interface CheckedProject {
  documents: CheckResult['documents'];
  warnings: Diagnostic[];
}

export interface CheckProjectsOptions {
  overrides?: Record<string, unknown>;
  split?: boolean;
}

/**
 * Every project's errors together, so a batch in CI reports all its mistakes in one run.
 * With `cacheWrites`, the parse cache's writes wait for its flush (check.ts).
 */
export function checkProjects(dirs: readonly string[], options: CheckProjectsOptions, cacheWrites?: WriteBehind): CheckedProject[] {
  const results: CheckedProject[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const dir of dirs) {
    try {
      const checked = check({
        dir,
        ...(options.overrides ? { overrides: options.overrides } : {}),
        ...(options.split ? { split: true } : {}),
        ...(cacheWrites ? { cacheWrites } : {}),
      });
      results.push({ documents: checked.documents, warnings: checked.warnings });
    } catch (err) {
      if (!(err instanceof InputError) || dirs.length === 1) throw err;
      diagnostics.push(...err.diagnostics);
    }
  }
  if (diagnostics.length) throw new InputError(diagnostics);
  return results;
}
