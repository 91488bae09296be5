import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, tempDir } from '../helpers/build-fixture.js';

/**
 * An environment for npm and the tool without this test run's npm_* variables. With
 * `offline`, npm may only use its cache, and any connection it tried would go to a
 * proxy that is not there: what works so works without the network.
 */
export function npmEnv(offline: boolean): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return {
    ...env,
    CI: 'true',
    NO_COLOR: '1',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
    ...(offline
      ? { npm_config_offline: 'true', http_proxy: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' }
      : { npm_config_prefer_offline: 'true' }),
  };
}

/** Runs a shell command line as written; throws with its output when it fails. */
export function sh(command: string, cwd: string, env: NodeJS.ProcessEnv): string {
  const r = spawnSync('sh', ['-c', command], { cwd, env, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`"${command}" in ${cwd} exited ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export interface ToolRepository {
  /** A clean clone of the working tree: what git would hand a new user. */
  dir: string;
  commit: string;
  /** `npm pack` of it, dist/ built by the package's own prepare script. */
  tarball: string;
}

/**
 * The tool as a new user gets it: the files git tracks (and new ones not ignored) of
 * this working tree, committed in a repository of their own, with no dist/. It shares
 * this checkout's node_modules, so packing needs no install.
 */
export function cleanToolRepository(): ToolRepository {
  const root = tempDir('vb-tool-');
  const dir = path.join(root, 'voortgangsbrief');
  const files = execFileSync('git', ['ls-files', '-z', '-co', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const rel of files) {
    const from = path.join(REPO_ROOT, rel);
    if (!existsSync(from)) continue;
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    cpSync(from, path.join(dir, rel));
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.org' },
    }).trim();
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'snapshot of the working tree');
  const commit = git('rev-parse', 'HEAD');
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  sh(`npm pack --pack-destination ${JSON.stringify(root)}`, dir, npmEnv(true));
  const tarball = readdirSync(root).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${root}`);
  return { dir, commit, tarball: path.join(root, tarball) };
}
