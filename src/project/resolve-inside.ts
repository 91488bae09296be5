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
  // Refuse a path that leaves the folder before looking it up: "../../etc/passwd" is
  // wrong whether or not it exists, and the answer must not reveal which files do.
  if (!isInside(path.resolve(root), target)) throw outside(relative, where);
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    throw inputError(where, `file not found: ${relative}`, `paths are relative to the project folder ${root}`);
  }
  // A symlink inside the project may still point out of it.
  if (!isInside(realpathSync(root), real)) throw outside(relative, where);
  return real;
}

function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}

function outside(relative: string, where: SourcePosition) {
  return inputError(
    where,
    `path "${relative}" leads outside the project folder`,
    'copy the file into the project folder and refer to it from there',
  );
}
