import type { Codec } from '../cache/memo.js';
import type { LocatedValue } from './parse-yaml.js';

/**
 * For the parse cache: a parsed file's value goes to disk, its positions do not (they
 * live in the parser's document tree). A value read back finds positions by parsing
 * its text again, only when a diagnostic asks for one, which a clean build never does.
 */
export function locatedCodec<V extends LocatedValue>(reparse: (inputs: readonly string[]) => V): Codec<V> {
  return {
    encode: ({ locate: _locate, ...data }) => data,
    decode(data, inputs) {
      if (data === null || typeof data !== 'object' || !('value' in data)) return undefined;
      let parsed: V | undefined;
      return { ...(data as Omit<V, 'locate'>), locate: (p, anchor) => (parsed ??= reparse(inputs)).locate(p, anchor) } as V;
    },
  };
}
