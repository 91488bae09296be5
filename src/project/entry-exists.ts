import { lstatSync } from 'node:fs';

/**
 * Whether a path exists as an entry, also when it is a symlink that points nowhere:
 * such a link must be reported (or refused), not silently skipped.
 */
export function entryExists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
