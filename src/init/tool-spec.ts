import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

export const PACKAGE_NAME = 'voortgangsbrief';

/** What package.json gets when the tool's source cannot be known; the README explains it. */
export function placeholderSpec(version: string): string {
  return `REPLACE-ME:git+https://<your git host>/<group>/voortgangsbrief.git#v${version}`;
}

export function isPlaceholder(spec: string): boolean {
  return spec.startsWith('REPLACE-ME:');
}

/**
 * The npm spec the running tool was installed from, as the new project at `target`
 * would write it: the dependency of the project it is installed in (a file: path
 * rebased onto the target), or the remote and commit of the git clone it runs from.
 * Undefined when neither can be known (a global install, npx from a tarball).
 */
export function installedFrom(target: string, root = PACKAGE_ROOT): string | undefined {
  return fromDependent(target, root) ?? fromClone(root);
}

function fromDependent(target: string, root: string): string | undefined {
  if (path.basename(path.dirname(root)) !== 'node_modules') return undefined;
  const project = path.dirname(path.dirname(root));
  let manifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    manifest = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const spec = manifest.devDependencies?.[PACKAGE_NAME] ?? manifest.dependencies?.[PACKAGE_NAME];
  if (!spec || isPlaceholder(spec)) return undefined;
  if (!spec.startsWith('file:')) return spec;
  const rel = path.relative(target, path.resolve(project, spec.slice('file:'.length))).split(path.sep).join('/');
  return `file:${rel || '.'}`;
}

function fromClone(root: string): string | undefined {
  if (!existsSync(path.join(root, '.git'))) return undefined;
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
    const remote = git('remote', 'get-url', 'origin');
    const commit = git('rev-parse', 'HEAD');
    // A local path would not exist on a colleague's machine or in CI.
    const url = /^[\w.-]+@[\w.-]+:/.test(remote) ? `ssh://${remote.replace(':', '/')}` : remote;
    if (!/^(https?|ssh|git):\/\//.test(url)) return undefined;
    return `git+${url}#${commit}`;
  } catch {
    return undefined;
  }
}
