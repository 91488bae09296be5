import { NotARegularFile, readRegularFile } from '../project/read-regular-file.js';
import { inputError, wholeFile } from '../diagnostics/diagnostic.js';
import { formatSize, LIMITS, type InputKind } from '../project/limits.js';
import { decodeText } from './decode-text.js';

const HINTS: Record<InputKind, string> = {
  markdown: 'split the text over several files in secties/ or bijlagen/, or move long tables into a data file',
  data: 'keep only the rows and fields the letter uses, or summarise the data before it goes into the project',
  template: 'a template holds layout only; move text into the Markdown files',
};

/**
 * Reads a text input of the project, refusing folders, unreadable and oversized files
 * with a diagnostic; the size is checked before reading, so a 5 GB file costs nothing.
 */
export function readText(file: string, kind: InputKind): string {
  const where = wholeFile(file);
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, LIMITS[kind]);
  } catch (err) {
    if (err instanceof NotARegularFile && err.reason === 'too-large') {
      throw inputError(where, `file is too large (${formatSize(err.size)}); a ${kind} file may be at most ${formatSize(LIMITS[kind])}`, HINTS[kind]);
    }
    throw asInputError(err, file);
  }
  return decodeText(bytes, file);
}

/** File-system errors an author can fix (a dangling link, missing permission) as diagnostics. */
export function asInputError(err: unknown, file: string) {
  const where = wholeFile(file);
  if (err instanceof NotARegularFile) return notRegular(file);
  const code = (err as NodeJS.ErrnoException)?.code;
  if (!code) return err;
  if (code === 'ENOENT') return inputError(where, 'file not found (a symbolic link that points nowhere?)', 'remove the link or let it point at a file inside the project');
  if (code === 'EACCES' || code === 'EPERM') return inputError(where, 'file cannot be read: permission denied', 'give your user read permission on the file');
  if (code === 'EISDIR') return inputError(where, 'this is a folder, not a file', 'rename the folder, or move the files in it up one level');
  if (code === 'ELOOP') return inputError(where, 'symbolic links point at each other in a loop', 'replace the link with the file itself');
  return inputError(where, `file cannot be read (${code})`, 'check that the file exists and is readable');
}

/** A folder, a FIFO, a device or a socket where a file should be: reading it could block for ever. */
export function notRegular(file: string) {
  return inputError(
    wholeFile(file),
    'this is not a regular file (a folder, a named pipe, a device or a socket)',
    'put an ordinary file here; a build reads only regular files',
  );
}
