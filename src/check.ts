import { persistentBuildCache, sweepBuildCache, type BuildCache } from './build-cache.js';
import type { WriteBehind } from './cache/write-behind.js';
import { InputError, type Diagnostic } from './diagnostics/diagnostic.js';
import { renderDocuments, type RenderedDocument } from './layout/render-document.js';
import { buildLetterModel, type LetterModel } from './model/build-letter-model.js';
import { profiledSync } from './profile-stages.js';

export interface CheckOptions {
  /** The letter project; default the current folder. */
  dir?: string;
  /** Highest layer of the data cascade (`--set`). */
  overrides?: Record<string, unknown>;
  /** One document per part (`--split`); default `uitvoer.splitsen` of the project. */
  split?: boolean;
  /**
   * Keeps parses and renders for the next check in this process (watch mode). Without
   * one, the parse cache on disk is used where there is one (cache-location.ts).
   */
  cache?: BuildCache;
  /** The parse cache's writes wait for this to be flushed (a one-off check in its worker). */
  cacheWrites?: WriteBehind;
}

export interface CheckResult {
  model: LetterModel;
  documents: RenderedDocument[];
  warnings: Diagnostic[];
}

/** Everything but the browser: validates the whole project and renders its HTML in memory. */
export function check(options: CheckOptions = {}): CheckResult {
  const cache = options.cache ?? persistentBuildCache(options.dir ?? '.', options.cacheWrites);
  // Mistakes of one section do not stop the others from being checked: all are reported together.
  const deferred: Diagnostic[] = [];
  const model = profiledSync('check.model', () =>
    buildLetterModel(options.dir ?? '.', {
      ...(options.overrides ? { overrides: options.overrides } : {}),
      ...(cache ? { memos: cache } : {}),
      deferred,
    }),
  );
  let documents: RenderedDocument[];
  try {
    documents = profiledSync('check.render', () =>
      renderDocuments(model, {
        ...(options.split === undefined ? {} : { split: options.split }),
        ...(cache ? { memo: cache.markdown } : {}),
      }),
    );
  } catch (err) {
    if (err instanceof InputError && deferred.length) throw new InputError([...deferred, ...err.diagnostics]);
    throw err;
  }
  if (deferred.length) throw new InputError(deferred);
  if (cache) sweepBuildCache(cache);
  return { model, documents, warnings: documents.flatMap((d) => d.warnings) };
}
