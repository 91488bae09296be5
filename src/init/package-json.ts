import { PACKAGE_NAME, isPlaceholder } from './tool-spec.js';

export const SCRIPTS: Record<string, string> = {
  build: 'voortgangsbrief build',
  check: 'voortgangsbrief check',
  watch: 'voortgangsbrief watch',
};

interface Manifest {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** A private package.json that installs the tool locally, so CI needs only `npm ci`. */
export function newPackageJson(name: string, tool: string): string {
  const manifest = { name: packageName(name), private: true, scripts: SCRIPTS, devDependencies: { [PACKAGE_NAME]: tool } };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Adds what a letter repository needs to a package.json that is already there (one
 * `npm install --save-dev` made, say), changing none of its values: only a missing
 * script or dependency is added, and only our own placeholder is replaced.
 */
export function mergePackageJson(text: string, tool: string): { text: string; added: string[]; tool: string } {
  const manifest = JSON.parse(text) as Manifest;
  const added: string[] = [];
  manifest.scripts ??= {};
  for (const [name, command] of Object.entries(SCRIPTS)) {
    if (manifest.scripts[name] !== undefined) continue;
    manifest.scripts[name] = command;
    added.push(`scripts.${name}`);
  }
  const current = manifest.devDependencies?.[PACKAGE_NAME] ?? manifest.dependencies?.[PACKAGE_NAME];
  if (current === undefined || (isPlaceholder(current) && !isPlaceholder(tool))) {
    const deps = manifest.dependencies?.[PACKAGE_NAME] !== undefined ? manifest.dependencies : (manifest.devDependencies ??= {});
    deps[PACKAGE_NAME] = tool;
    added.push(`${deps === manifest.dependencies ? 'dependencies' : 'devDependencies'}.${PACKAGE_NAME}`);
  }
  const indent = /^[{[]\r?\n([ \t]+)/.exec(text)?.[1] ?? 2;
  const now = manifest.devDependencies?.[PACKAGE_NAME] ?? manifest.dependencies?.[PACKAGE_NAME] ?? tool;
  return { text: added.length ? `${JSON.stringify(manifest, null, indent)}\n` : text, added, tool: now };
}

/** npm's rules for a name: lower case, URL-safe, at most 214 characters. */
function packageName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[._-]+|-+$/g, '').slice(0, 214);
  return name || 'brief';
}
