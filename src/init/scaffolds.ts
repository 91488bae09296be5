import { DOCUMENT_TYPES, type DocumentType } from '../model/type-schemas.js';

export const PROJECT_TYPES = DOCUMENT_TYPES;
export type ProjectType = DocumentType;

/**
 * The worked example each document type starts from: a folder in templates/init/.
 * A new type adds a row here (the compiler asks for it) and its folder.
 */
export const SCAFFOLDS: Record<ProjectType, { folder: string }> = {
  kamerbrief: { folder: 'kamerbrief' },
  voortgangsbrief: { folder: 'voortgangsbrief' },
  kamervragen: { folder: 'kamervragen' },
  verzamelbrief: { folder: 'verzamelbrief' },
  kamerstuk: { folder: 'kamerstuk' },
  'eerste-kamer': { folder: 'eerste-kamer' },
  rapport: { folder: 'rapport' },
};

/**
 * The files that make a letter project a team's repository, the same for every type:
 * templates/repo/<source> is written to <target>. Sources have no leading dot, since
 * npm leaves files such as .gitignore out of a package.
 */
export const REPOSITORY_FILES: readonly { source: string; target: string }[] = [
  { source: 'gitignore', target: '.gitignore' },
  { source: 'github-brief.yml', target: '.github/workflows/brief.yml' },
  { source: 'gitlab-ci.yml', target: '.gitlab-ci.yml' },
  { source: 'vscode-extensions.json', target: '.vscode/extensions.json' },
  { source: 'README.md', target: 'README.md' },
];
