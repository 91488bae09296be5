import { cacheLocation } from './cache/cache-location.js';
import { DiskStore } from './cache/disk-store.js';
import { Memo } from './cache/memo.js';
import type { WriteBehind } from './cache/write-behind.js';
import { MARKDOWN_CODEC, type CachedMarkdown } from './markdown/render-markdown-cached.js';
import { DATA_FILE_CODEC, type ParsedDataFile } from './parse/parse-data-file.js';
import { SECTION_CODEC, type ParsedSection } from './parse/parse-section.js';

/** What one build keeps for the next in the same process; watch mode holds one. */
export interface BuildCache {
  sections: Memo<ParsedSection>;
  data: Memo<ParsedDataFile>;
  markdown: Memo<CachedMarkdown>;
}

/** With a store, parses and renders are also kept on disk for the next run (the parse cache). */
export function createBuildCache(store?: DiskStore): BuildCache {
  if (!store) return { sections: new Memo(), data: new Memo(), markdown: new Memo() };
  return {
    sections: new Memo({ store, kind: 'section', codec: SECTION_CODEC }),
    data: new Memo({ store, kind: 'data', codec: DATA_FILE_CODEC }),
    markdown: new Memo({ store, kind: 'markdown', codec: MARKDOWN_CODEC }),
  };
}

/**
 * The cache of a one-off run (`build`, `check`): empty in memory, backed by the parse
 * cache on disk where there is one (src/cache/cache-location.ts), else undefined.
 * With `behind`, its writes wait for that to be flushed.
 */
export function persistentBuildCache(projectDir: string, behind?: WriteBehind): BuildCache | undefined {
  const location = cacheLocation(projectDir);
  return location && createBuildCache(new DiskStore(location.root, location.buildId, behind));
}

/** After a build: keep only what it used. */
export function sweepBuildCache(cache: BuildCache): void {
  cache.sections.sweep();
  cache.data.sweep();
  cache.markdown.sweep();
}
