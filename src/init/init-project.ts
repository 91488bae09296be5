import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_TEMPLATES as TEMPLATES, PACKAGE_ROOT } from '../package-root.js';
import { mergePackageJson, newPackageJson } from './package-json.js';
import { PROJECT_TYPES, REPOSITORY_FILES, SCAFFOLDS, type ProjectType } from './scaffolds.js';
import { installedFrom, isPlaceholder, placeholderSpec } from './tool-spec.js';
import { vscodeSettings } from './vscode-settings.js';

export { PROJECT_TYPES, type ProjectType } from './scaffolds.js';


export class InitError extends Error {}

export interface InitOptions {
  type?: ProjectType;
  /** npm spec of the tool for package.json; default: where the running tool came from. */
  tool?: string;
  today?: Date;
}

export interface InitResult {
  /** Paths relative to the project folder, sorted. */
  created: string[];
  /** Files that were there already and were left as they were. */
  kept: string[];
  /** package.json, when it existed and got missing entries (named in `added`). */
  updated: { file: string; added: string[] }[];
  tool: string;
  /** True when `tool` is a placeholder the team must replace. */
  toolIsPlaceholder: boolean;
}

/**
 * Makes `dir` a letter repository: the worked example of a document type, and what a
 * team's repository needs around it (package.json, .gitignore, CI for GitHub and
 * GitLab, VS Code settings, a README). Nothing that exists is overwritten. In a folder
 * that already holds a letter (a brief.md), the example is left out altogether, so
 * that no section is slipped into somebody's letter.
 */
export function initProject(dir: string, opts: InitOptions | ProjectType = {}, today?: Date): InitResult {
  // (dir, type, today) is the older signature, still used by callers that only want a letter.
  const options: InitOptions = typeof opts === 'string' ? { type: opts, ...(today ? { today } : {}) } : opts;
  const type = options.type ?? 'voortgangsbrief';
  if (!PROJECT_TYPES.includes(type)) throw new InitError(`unknown document type "${type}"; choose one of: ${PROJECT_TYPES.join(', ')}`);
  const target = path.resolve(dir);
  if (existsSync(target) && !statSync(target).isDirectory()) throw new InitError(`${dir} is a file; choose a folder for the letter repository`);
  const version = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const tool = options.tool ?? installedFrom(target) ?? placeholderSpec(version);
  const result: InitResult = { created: [], kept: [], updated: [], tool, toolIsPlaceholder: isPlaceholder(tool) };
  const write = (rel: string, content: () => string | Buffer) => {
    const file = path.join(target, rel);
    if (existsSync(file)) return void result.kept.push(rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content(), { flag: 'wx' });
    result.created.push(rel);
  };

  // Read first: a package.json that is not JSON stops init before it writes anything.
  const writePackageJson = preparePackageJson(target, tool, result);
  const hasLetter = existsSync(path.join(target, 'brief.md'));
  if (!hasLetter) {
    const scaffold = path.join(TEMPLATES, 'init', SCAFFOLDS[type].folder);
    const today = (options.today ?? new Date()).toISOString().slice(0, 10);
    for (const rel of listFiles(scaffold)) {
      const source = path.join(scaffold, rel);
      // The letter is dated today, so that the first build shows a current date.
      write(rel, () => (rel === 'brief.md' ? readFileSync(source, 'utf8').replace('DATUM_VANDAAG', today) : readFileSync(source)));
    }
  }
  const vars = { TYPE: type, TOOL: result.tool, VERSION: version };
  for (const { source, target: rel } of REPOSITORY_FILES) {
    write(rel, () => readFileSync(path.join(TEMPLATES, 'repo', source), 'utf8').replace(/@@(\w+)@@/g, (m, k: string) => vars[k as keyof typeof vars] ?? m));
  }
  write('.vscode/settings.json', vscodeSettings);
  writePackageJson();
  for (const list of [result.created, result.kept]) list.sort();
  return result;
}

function preparePackageJson(target: string, tool: string, result: InitResult): () => void {
  const file = path.join(target, 'package.json');
  if (!existsSync(file)) {
    return () => {
      writeFileSync(file, newPackageJson(path.basename(target), tool), { flag: 'wx' });
      result.created.push('package.json');
    };
  }
  let merged: ReturnType<typeof mergePackageJson>;
  try {
    // An existing dependency on the tool stays; only our placeholder is replaced.
    merged = mergePackageJson(readFileSync(file, 'utf8'), tool);
  } catch (err) {
    throw new InitError(`package.json in ${target} is not valid JSON (${(err as Error).message}); fix it, or remove it and run init again`);
  }
  Object.assign(result, { tool: merged.tool, toolIsPlaceholder: isPlaceholder(merged.tool) });
  return () => {
    if (!merged.added.length) return void result.kept.push('package.json');
    writeFileSync(file, merged.text);
    result.updated.push({ file: 'package.json', added: merged.added });
  };
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]))
    .sort();
}
