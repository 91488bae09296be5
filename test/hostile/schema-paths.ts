import type { z } from 'zod';

export type FieldPath = (string | number)[];

interface Def {
  type?: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  options?: unknown[];
  in?: unknown;
  out?: unknown;
  schema?: unknown;
}

/**
 * Every path to a string in a zod schema (lists by their first item), found by
 * walking the schema itself, so a field added later is covered without a test edit.
 */
export function stringPaths(schema: z.ZodType | unknown, at: FieldPath = [], depth = 0): FieldPath[] {
  const def = (schema as { def?: Def }).def;
  if (!def || depth > 12) return [];
  switch (def.type) {
    case 'string':
      return [at];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, inner]) => stringPaths(inner, [...at, key], depth + 1));
    case 'array':
      return stringPaths(def.element, [...at, 0], depth + 1);
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return stringPaths(def.innerType, at, depth + 1);
    case 'pipe':
      return stringPaths(def.in, at, depth + 1);
    case 'lazy':
      return [];
    case 'union': {
      // A string option wins; otherwise the first option that holds strings.
      const options = def.options ?? [];
      const direct = options.find((o) => (o as { def?: Def }).def?.type === 'string');
      if (direct) return [at];
      const unique = new Map<string, FieldPath>();
      for (const o of options) for (const p of stringPaths(o, at, depth + 1)) unique.set(JSON.stringify(p), p);
      return [...unique.values()];
    }
    default:
      return [];
  }
}

/** Sets `value` at `path`, making the objects and lists on the way. */
export function setPath(root: Record<string, unknown>, path: FieldPath, value: unknown): void {
  let node: Record<string | number, unknown> = root;
  path.forEach((part, i) => {
    if (i === path.length - 1) {
      node[part] = value;
      return;
    }
    const next = node[part];
    if (typeof next !== 'object' || next === null || next instanceof Date) node[part] = typeof path[i + 1] === 'number' ? [] : {};
    // A string list item where the path needs an object (or the reverse) is replaced.
    else if (Array.isArray(next) !== (typeof path[i + 1] === 'number')) node[part] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[part] as Record<string | number, unknown>;
  });
}
