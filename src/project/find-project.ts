import { entryExists } from './entry-exists.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { inputError, wholeFile } from '../diagnostics/diagnostic.js';
import { formatSize, LIMITS, MAX_MARKDOWN_TOTAL } from './limits.js';
import { refuseLinkOutside } from './resolve-inside.js';

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

/**
 * Lists the project's files. Every file and folder it names must really be inside the
 * project: a symlink in secties/, data/ or templates/ that leads out of it is refused
 * here, before anything is read.
 */
export function findProject(dir: string): ProjectFiles {
  const root = path.resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw inputError(wholeFile(root), 'project folder not found', 'pass the folder that holds brief.md');
  }
  const brief = path.join(root, 'brief.md');
  if (!entryExists(brief)) {
    throw inputError(
      wholeFile(brief),
      'this folder has no brief.md, the main file of a letter project',
      'run "voortgangsbrief init <dir>" to start a project, or pass the folder that holds brief.md',
    );
  }
  checkFile(root, brief);
  if (statSync(brief).size === 0) {
    // Five "missing field" errors would say less than this one.
    throw inputError(
      wholeFile(brief),
      'brief.md is empty',
      'start it with front matter (afzender, datum, betreft, onze_referentie, ondertekening); "voortgangsbrief init <dir>" writes an example',
    );
  }
  const config = path.join(root, CONFIG_FILE);
  if (entryExists(config)) checkFile(root, config);
  const templates = path.join(root, 'templates');
  const project: ProjectFiles = {
    root,
    brief,
    config: entryExists(config) ? config : undefined,
    secties: listFiles(root, 'secties', (f) => f.endsWith('.md')),
    bijlagen: listFiles(root, 'bijlagen', (f) => f.endsWith('.md')),
    data: listFiles(root, 'data', (f) => DATA_EXTENSIONS.has(path.extname(f).toLowerCase())),
    templates: entryExists(templates) ? checkFolder(root, templates) : undefined,
  };
  checkMarkdownTotal([project.brief, ...project.secties, ...project.bijlagen]);
  return project;
}


function checkFile(root: string, file: string): void {
  const stat = statSync(refuseLinkOutside(root, file));
  if (stat.isDirectory()) {
    throw inputError(wholeFile(file), 'this is a folder, not a file', 'rename the folder, or move the files in it up one level');
  }
  if (!stat.isFile()) {
    throw inputError(
      wholeFile(file),
      'this is not a regular file (a named pipe, a device or a socket)',
      'put an ordinary file here; a build reads only regular files',
    );
  }
}

function checkFolder(root: string, dir: string): string {
  if (!statSync(refuseLinkOutside(root, dir)).isDirectory()) {
    throw inputError(
      wholeFile(dir),
      `"${path.basename(dir)}" is a file, but it should be a folder`,
      `rename the file and make a folder "${path.basename(dir)}" for the project's files`,
    );
  }
  return dir;
}

/** Sorted by name so that builds do not depend on the file system's order. */
function listFiles(root: string, folder: string, keep: (name: string) => boolean): string[] {
  const dir = path.join(root, folder);
  if (!entryExists(dir)) return [];
  checkFolder(root, dir);
  const files = readdirSync(dir)
    .filter((name) => !name.startsWith('.') && keep(name))
    .sort()
    .map((name) => path.join(dir, name));
  for (const file of files) checkFile(root, file);
  return files;
}

/** A single oversized file is left to its own, more precise, diagnostic when it is read. */
function checkMarkdownTotal(files: string[]): void {
  let total = 0;
  for (const file of files) {
    const size = statSync(file).size;
    if (size > LIMITS.markdown) continue;
    total += size;
    if (total > MAX_MARKDOWN_TOTAL) {
      throw inputError(
        wholeFile(file),
        `the letter's Markdown files together exceed ${formatSize(MAX_MARKDOWN_TOTAL)} with this file`,
        'a letter this long will not be read; move tables into data files or split it into separate letters',
      );
    }
  }
}
