import { realpathSync } from 'node:fs';
import path from 'node:path';
import { inputError, type SourcePosition } from '../diagnostics/diagnostic.js';

/**
 * Resolves a path an author wrote against the project folder and refuses anything
 * that ends up outside it, through `..` or through a symlink, so that a letter cannot
 * pull arbitrary files from the machine into a PDF.
 */
export function resolveInside(root: string, relative: string, where: SourcePosition): string {
  const target = path.resolve(root, relative);
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    throw inputError(where, `file not found: ${relative}`, `paths are relative to the project folder ${root}`);
  }
  const realRoot = realpathSync(root);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    throw inputError(
      where,
      `path "${relative}" leads outside the project folder`,
      'copy the file into the project folder and refer to it from there',
    );
  }
  return real;
}
