import { Memo } from './cache/memo.js';
import type { CachedMarkdown } from './markdown/render-markdown-cached.js';
import type { ParsedDataFile } from './parse/parse-data-file.js';
import type { ParsedSection } from './parse/parse-section.js';

/** What one build keeps for the next in the same process; watch mode holds one. */
export interface BuildCache {
  sections: Memo<ParsedSection>;
  data: Memo<ParsedDataFile>;
  markdown: Memo<CachedMarkdown>;
}

export function createBuildCache(): BuildCache {
  return { sections: new Memo(), data: new Memo(), markdown: new Memo() };
}

/** After a build: keep only what it used. */
export function sweepBuildCache(cache: BuildCache): void {
  cache.sections.sweep();
  cache.data.sweep();
  cache.markdown.sweep();
}
