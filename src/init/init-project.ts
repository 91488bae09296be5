import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { DOCUMENT_TYPES } from '../model/type-schemas.js';

export const PROJECT_TYPES = DOCUMENT_TYPES;
export type ProjectType = (typeof PROJECT_TYPES)[number];

const SCAFFOLDS = path.join(PACKAGE_ROOT, 'templates', 'init');

export class InitError extends Error {}

/**
 * Copies the scaffold of a document type into an empty or new folder. The letter is
 * dated today so that the first build shows a current date; everything else is a
 * worked example an author overwrites.
 */
export function initProject(dir: string, type: ProjectType = 'voortgangsbrief', today = new Date()): string[] {
  const target = path.resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new InitError(`${dir} is not empty; choose a new folder for the letter project`);
  }
  cpSync(path.join(SCAFFOLDS, type), target, { recursive: true });
  const brief = path.join(target, 'brief.md');
  writeFileSync(brief, readFileSync(brief, 'utf8').replace('DATUM_VANDAAG', today.toISOString().slice(0, 10)));
  return listFiles(target).map((f) => path.relative(target, f));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}
