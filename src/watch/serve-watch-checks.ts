import { parentPort } from 'node:worker_threads';
import { createBuildCache, persistentBuildCache } from '../build-cache.js';
import { check } from '../check.js';
import { plainDocument, type PlainDocument } from '../check-in-worker.js';
import { failureReply } from '../check-worker-thread.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** One check of a rebuild, as the worker sends it back; rendered/reused count Markdown parts. */
export interface WatchCheckResult {
  documents: PlainDocument[];
  warnings: Diagnostic[];
  rendered: number;
  reused: number;
}

/**
 * The worker side of watch's checker (src/watch/watch-checker.ts): stays up for the
 * session and keeps its cache of parses and renders warm between rebuilds, so a save
 * re-renders only what changed. Each message `{ id }` asks for one check of `dir`.
 */
export function serveWatchChecks(dir: string, overrides: Record<string, unknown> | undefined): void {
  const cache = persistentBuildCache(dir) ?? createBuildCache();
  parentPort!.on('message', ({ id }: { id: number }) => {
    const { hits, misses } = cache.markdown;
    try {
      const checked = check({ dir, cache, ...(overrides ? { overrides } : {}) });
      const result: WatchCheckResult = {
        documents: checked.documents.map(plainDocument),
        warnings: checked.warnings,
        rendered: cache.markdown.misses - misses,
        reused: cache.markdown.hits - hits,
      };
      parentPort!.postMessage({ id, ok: true, ...result });
    } catch (err) {
      parentPort!.postMessage({ id, ...failureReply(err) });
    }
  });
}
