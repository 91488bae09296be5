import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { inputError } from '../diagnostics/diagnostic.js';

/** Where a letter project's files are. The folder layout is documented in the README. */
export interface ProjectFiles {
  root: string;
  brief: string;
  config: string | undefined;
  secties: string[];
  bijlagen: string[];
  data: string[];
  templates: string | undefined;
}

export const CONFIG_FILE = 'voortgangsbrief.config.yaml';
const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.csv']);

export function findProject(dir: string): ProjectFiles {
  const root = path.resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw inputError({ file: root, line: 1, column: 1 }, 'project folder not found', 'pass the folder that holds brief.md');
  }
  const brief = path.join(root, 'brief.md');
  if (!existsSync(brief)) {
    throw inputError(
      { file: brief, line: 1, column: 1 },
      'this folder has no brief.md, the main file of a letter project',
      'run "voortgangsbrief init <dir>" to start a project, or pass the folder that holds brief.md',
    );
  }
  const config = path.join(root, CONFIG_FILE);
  const templates = path.join(root, 'templates');
  return {
    root,
    brief,
    config: existsSync(config) ? config : undefined,
    secties: listFiles(path.join(root, 'secties'), (f) => f.endsWith('.md')),
    bijlagen: listFiles(path.join(root, 'bijlagen'), (f) => f.endsWith('.md')),
    data: listFiles(path.join(root, 'data'), (f) => DATA_EXTENSIONS.has(path.extname(f).toLowerCase())),
    templates: existsSync(templates) ? templates : undefined,
  };
}

/** Sorted by name so that builds do not depend on the file system's order. */
function listFiles(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && keep(name))
    .sort()
    .map((name) => path.join(dir, name));
}
