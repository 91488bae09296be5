import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-root.js';

/** `VOORTGANGSBRIEF_CACHE`: a folder for the parse cache, or `off`/`0`/`false` for none. */
export const CACHE_ENV = 'VOORTGANGSBRIEF_CACHE';

export interface CacheLocation {
  root: string;
  /** The tool's version and code; a folder of its own under root. */
  buildId: string;
}

/**
 * Where a project's parse cache lives: `$VOORTGANGSBRIEF_CACHE`, else
 * `node_modules/.cache/voortgangsbrief` of the project when it has node_modules (the
 * convention of babel, eslint and friends, and gone with `rm -rf node_modules`), else
 * `$XDG_CACHE_HOME/voortgangsbrief` (default `~/.cache`). Running from src/ (the test
 * runner) there is no cache unless the variable names a folder: the code changes
 * between runs there without a build to tell.
 */
export function cacheLocation(projectDir: string, env: NodeJS.ProcessEnv = process.env): CacheLocation | undefined {
  const setting = env[CACHE_ENV]?.trim();
  if (setting !== undefined && /^(|0|off|false|no)$/i.test(setting)) return undefined;
  const code = codeFolder();
  if (!setting && code.endsWith(`${path.sep}src`)) return undefined;
  const buildId = codeId(code);
  if (setting) return { root: path.resolve(setting), buildId };
  const modules = path.join(path.resolve(projectDir), 'node_modules');
  if (isFolder(modules)) return { root: path.join(modules, '.cache', 'voortgangsbrief'), buildId };
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return { root: path.join(xdg, 'voortgangsbrief'), buildId };
}

/** dist/ (compiled or bundled) or src/: the folder whose files are the running code. */
function codeFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const top = path.relative(PACKAGE_ROOT, here).split(path.sep)[0] ?? '';
  return path.join(PACKAGE_ROOT, top);
}

let memoId: string | undefined;

/**
 * The package version, node's version (the entries are V8-serialised) and the name,
 * size and modification time of every code file and of package-lock.json: a rebuild
 * or a dependency change starts a fresh cache without anyone having to clear it.
 * Stat calls only, about a millisecond for the whole of dist/.
 */
function codeId(code: string): string {
  if (memoId) return memoId;
  const hash = createHash('sha1');
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string };
  hash.update(`${pkg.version ?? ''}\0${process.version}\0`);
  const add = (file: string) => {
    try {
      const s = statSync(file);
      hash.update(`${path.relative(PACKAGE_ROOT, file)}\0${s.size}\0${s.mtimeMs}\0`);
    } catch {
      // A missing lockfile (an installed package) is fine.
    }
  };
  // The bundle (scripts/bundle.mjs) is dist/*.js and holds all the code it runs; the
  // compiled tree or src/ is every file below.
  const bundled = /\.bundle\.c?js$|\/chunk-[^/]+\.js$/.test(import.meta.url);
  for (const f of readdirSync(code, { recursive: !bundled, encoding: 'utf8' }).sort()) if (/\.[cm]?[jt]s$/.test(f)) add(path.join(code, f));
  add(path.join(PACKAGE_ROOT, 'package-lock.json'));
  memoId = `${pkg.version ?? '0'}-${hash.digest('base64url').slice(0, 16)}`;
  return memoId;
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
