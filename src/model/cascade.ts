import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { Anchor } from '../parse/parse-yaml.js';

import type { DataPath } from '../diagnostics/validate-at.js';
import { nullObject, nullPrototypeCopy } from './null-prototype.js';

export type { DataPath };

/** One layer of the data cascade. */
export interface DataLayer {
  /** For messages: "defaults", "voortgangsbrief.config.yaml", "data/cijfers.yaml", … */
  name: string;
  value: Record<string, unknown>;
  locate(path: DataPath, anchor?: Anchor): SourcePosition;
  /** Changes when `locate`'s answers may: a content hash of where the layer was written. */
  version?: string;
}

export interface MergedData {
  value: Record<string, unknown>;
  /** The layer that set `path` (or its nearest ancestor) last, i.e. the one to blame. */
  originOf(path: DataPath): DataLayer | undefined;
}

/**
 * The one place where data precedence is decided. Layers come lowest first:
 * defaults < config < data files < front matter < CLI flags. Objects merge key by
 * key; arrays and scalars from a later layer replace earlier ones whole, since a
 * half-merged list of signatories or address lines is never what an author means.
 */
export function mergeLayers(layers: readonly DataLayer[]): MergedData {
  // Null-prototype objects at every level, nested maps and the records of data files
  // too (null-prototype.ts): no key of the author's can reach Object.prototype.
  let value: Record<string, unknown> = nullObject();
  for (const layer of layers) value = mergeInto(value, layer.value);
  return {
    value,
    originOf(path) {
      for (let n = path.length; n >= 1; n--) {
        const prefix = path.slice(0, n);
        for (let i = layers.length - 1; i >= 0; i--) {
          const layer = layers[i];
          if (layer && hasPath(layer.value, prefix)) return layer;
        }
      }
      return undefined;
    },
  };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function mergeInto(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out = Object.assign(nullObject(), base);
  for (const [key, v] of Object.entries(over)) {
    const prev = out[key];
    out[key] = isPlainObject(prev) && isPlainObject(v) ? mergeInto(prev, v) : nullPrototypeCopy(v);
  }
  return out;
}

function hasPath(value: unknown, path: DataPath): boolean {
  let node: unknown = value;
  for (const part of path) {
    if (Array.isArray(node) && typeof part === 'number') node = node[part];
    else if (isPlainObject(node) && typeof part === 'string' && Object.hasOwn(node, part)) node = node[part];
    else return false;
  }
  return true;
}
