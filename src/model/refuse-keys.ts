import { inputError } from '../diagnostics/diagnostic.js';
import type { DataLayer, DataPath } from './cascade.js';
import { FORBIDDEN_KEYS } from '../parse/forbidden-keys.js';
import { userConfigFile } from '../project/user-config.js';

export { FORBIDDEN_KEYS };

/** Top-level keys that once chose a program to run and may no longer come from a project. */
const PROGRAM_KEYS: ReadonlySet<string> = new Set(['browser']);

/**
 * Checks every layer a letter project (or the command line) contributes, before the
 * layers are merged: no prototype keys anywhere, and no setting that chooses a
 * program. A branch of a letter project may be built in CI before anyone read it.
 */
export function refuseForbiddenKeys(layers: readonly DataLayer[]): void {
  for (const layer of layers) {
    if (layer.name === 'defaults') continue;
    for (const key of Object.keys(layer.value)) {
      if (PROGRAM_KEYS.has(key)) {
        throw inputError(
          layer.locate([key], 'key'),
          `"${key}:" may not be set in a letter project (${layer.name}): nothing in a project may choose a program to run`,
          `remove it; choose the browser with --browser, the environment variable VOORTGANGSBRIEF_BROWSER, or "browser:" in ${userConfigFile()}`,
        );
      }
    }
    const found = findForbidden(layer.value, []);
    if (found) {
      throw inputError(
        layer.locate(found, 'key'),
        `"${String(found[found.length - 1])}" cannot be used as a field name`,
        'the names __proto__, constructor and prototype are reserved; rename the field',
      );
    }
  }
}

function findForbidden(value: unknown, at: DataPath, depth = 0): DataPath | undefined {
  // Deeper than any letter; the YAML and JSON parsers have refused worse already.
  if (depth > 200 || typeof value !== 'object' || value === null || value instanceof Date) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbidden(value[i], [...at, i], depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const key of Object.getOwnPropertyNames(value)) {
    if (FORBIDDEN_KEYS.has(key)) return [...at, key];
    const found = findForbidden((value as Record<string, unknown>)[key], [...at, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}
