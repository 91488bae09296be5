import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** What became of the code cache when a bundle was loaded with it. */
export type CodeCacheState = 'accepted' | 'rejected' | 'none';

export interface LoadedBundle {
  cache: CodeCacheState;
  /** What the bundle put in module.exports. */
  exports: unknown;
  /**
   * V8's code for the bundle as it is now: the top level and every function that has
   * run so far (a cache made after a representative run saves compiling those too),
   * as a cache file: the digests of the source and of the data, then the data.
   */
  createCachedData(): Buffer;
}

/**
 * Runs a CommonJS bundle as Node's loader would (the same wrapper, `require` resolved
 * from the bundle's folder), but compiled by a `vm.Script` that is given V8's code
 * cache of an earlier run. Node 20 keeps no such cache for any module (its compile
 * cache arrived in 22.1), and the check's ~1.8 MB of cold code is otherwise compiled
 * anew on every run, function by function as it is first called (~55 ms of a cold
 * check of the example, docs/decisions.md).
 *
 * A cache that does not fit is ignored and the bundle compiled as if there were none.
 * V8 checks its own version and flags (another node refuses it), but of the source
 * only the length: a rebuilt bundle of the same length would run the old bytecode.
 * So the file starts with a digest of the source and one of V8's data, which also
 * keeps a damaged file (which V8 does not check in a release build) from reaching V8.
 * The cache is the tool's own file beside its bundle, written when the tool is built
 * or installed, never from a letter project.
 */
export function runCommonJs(bundleFile: string, cacheFile: string): LoadedBundle {
  // The digest of the file's bytes, which are the source's UTF-8: hashing the string would encode it again.
  const bytes = readFileSync(bundleFile);
  const source = bytes.toString('utf8');
  const sourceDigest = digest(bytes);
  const file = readCache(cacheFile);
  const cachedData = file ? validData(file, sourceDigest) : undefined;
  const script = new vm.Script(Module.wrap(source), {
    filename: bundleFile,
    ...(cachedData ? { cachedData } : {}),
  });
  const cache: CodeCacheState = !file ? 'none' : !cachedData || script.cachedDataRejected ? 'rejected' : 'accepted';
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, createRequire(bundleFile), module, bundleFile, path.dirname(bundleFile));
  return {
    cache,
    exports: module.exports,
    createCachedData: () => {
      const data = script.createCachedData();
      return Buffer.concat([sourceDigest, digest(data), data]);
    },
  };
}

const DIGEST_BYTES = 32;

function digest(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** V8's data from a cache file, if it was made for this source and arrived whole. */
function validData(file: Buffer, sourceDigest: Buffer): Buffer | undefined {
  if (file.length <= 2 * DIGEST_BYTES || !file.subarray(0, DIGEST_BYTES).equals(sourceDigest)) return undefined;
  const data = file.subarray(2 * DIGEST_BYTES);
  return file.subarray(DIGEST_BYTES, 2 * DIGEST_BYTES).equals(digest(data)) ? data : undefined;
}

function readCache(file: string): Buffer | undefined {
  try {
    return existsSync(file) ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}
