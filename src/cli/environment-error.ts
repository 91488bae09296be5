/**
 * A failure of the machine rather than of the letter or the command line: a folder
 * that cannot be written, a missing TMPDIR, a port in use. One line that names the
 * path or value and says what to do; never a stack trace.
 */
export function environmentMessage(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
  const code = e?.code;
  if (!code || typeof code !== 'string') return undefined;
  const where = e.path ?? (e.port !== undefined ? `port ${e.port}` : undefined);
  const tmp = process.env.TMPDIR;
  if (tmp && where?.startsWith(tmp) && code === 'ENOENT') return `the temporary folder TMPDIR=${tmp} does not exist; create it, or unset TMPDIR`;
  switch (code) {
    case 'EADDRINUSE':
      return `${where ?? 'the port'} is already in use; stop the program that uses it, or pass --port 0 for any free port`;
    case 'EACCES':
    case 'EPERM':
      return `cannot write ${where ?? 'the output'}: permission denied; choose a folder you may write with --out`;
    case 'EROFS':
      return `cannot write ${where ?? 'the output'}: the file system is read-only; choose another folder with --out`;
    case 'ENOTDIR':
      return `cannot write ${where ?? 'the output'}: a file is in the way where a folder should be; pass --out with a folder`;
    case 'EISDIR':
      return `cannot write ${where ?? 'the output'}: a folder is in the way where a file should be; remove it or pass another --out`;
    case 'EEXIST':
      return `cannot write ${where ?? 'the output'}: something is in the way; remove it or pass another --out`;
    case 'ENAMETOOLONG':
      return `the path ${where ?? ''} is too long for this file system; choose a shorter --out or a shorter uitvoer.naam`.replace('path  is', 'path is');
    case 'ENOSPC':
    case 'EDQUOT':
      return `no space left to write ${where ?? 'the output'}; free some disk space`;
    case 'ENOENT':
      return `${where ?? 'a file or folder'} does not exist; check the path`;
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files on this machine; close other programs and try again';
    case 'EINVAL':
      return where ? `cannot write ${where}: this kind of file (a device or a /proc entry?) cannot be written to; pass --out with an ordinary folder` : undefined;
    default:
      return undefined;
  }
}
