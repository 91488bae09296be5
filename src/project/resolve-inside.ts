import { realpathSync } from 'node:fs';
import path from 'node:path';
import { inputError, type SourcePosition, wholeFile } from '../diagnostics/diagnostic.js';

/**
 * Resolves a path an author wrote against the project folder and refuses anything
 * that ends up outside it, through `..` or through a symlink, so that a letter cannot
 * pull arbitrary files from the machine into a PDF.
 */
export function resolveInside(root: string, relative: string, where: SourcePosition, notFoundHint = `paths are relative to the project folder ${root}`): string {
  const target = path.resolve(root, relative);
  // Refuse a path that leaves the folder before looking it up: "../../etc/passwd" is
  // wrong whether or not it exists, and the answer must not reveal which files do.
  if (!isInside(path.resolve(root), target)) throw outside(relative, where);
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    throw inputError(where, `file not found: ${relative}`, notFoundHint);
  }
  // A symlink inside the project may still point out of it.
  if (!isInside(realpathSync(root), real)) throw outside(relative, where);
  return real;
}

/**
 * For a file or folder the project's layout names (secties/, data/x.csv, templates/…):
 * it exists in the project, but is it a symlink that leads elsewhere? Returns the real
 * path. The diagnostic points at the link itself, since that is what the author fixes.
 */
export function refuseLinkOutside(root: string, file: string): string {
  const where = wholeFile(file);
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw inputError(where, 'this is a symbolic link to a file that does not exist', 'remove the link, or put the file itself here');
  }
  if (!isInside(realpathSync(root), real)) {
    throw inputError(
      where,
      `"${path.relative(root, file)}" is a symbolic link to ${real}, outside the project folder`,
      'copy the file into the project instead of linking to it: a build reads only files inside the project',
    );
  }
  return real;
}

export function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}

function outside(relative: string, where: SourcePosition) {
  return inputError(
    where,
    `path "${relative}" leads outside the project folder`,
    'copy the file into the project folder and refer to it from there',
  );
}
