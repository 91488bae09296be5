import type { z } from 'zod';
import { InputError, type Diagnostic, type SourcePosition } from './diagnostic.js';

/** A path into parsed data: keys and list indexes. */
export type DataPath = readonly (string | number)[];
/** Whether a position is wanted at a field's key or at its value. */
export type Anchor = 'key' | 'value';
export type Locate = (path: DataPath, anchor?: Anchor) => SourcePosition;

/**
 * Validates with a zod schema and turns every issue into a diagnostic at the place
 * where the offending field was written (or where it should have been written).
 */
export function validateAt<S extends z.ZodType>(
  schema: S,
  value: unknown,
  locate: Locate,
  /** Examples of right values by field name, shown in hints. */
  examples: Readonly<Record<string, string>> = {},
): z.output<S> {
  // Without zod's JIT: it compiles each object schema with new Function on its first
  // parse, which pays back only over many parses, and a check validates each file once.
  const result = schema.safeParse(value, { jitless: true });
  if (result.success) return result.data;
  // One diagnostic per field: "19-11-2024" fails both the format and the calendar
  // check, and the second message adds nothing to the first.
  const seen = new Set<string>();
  const issues = result.error.issues.filter((issue) => {
    const key = JSON.stringify(issue.path.filter((p) => typeof p !== 'symbol'));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const diagnostics: Diagnostic[] = issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = path.map(String).join('.') || '(front matter)';
    const last = String(path[path.length - 1] ?? '');
    // Whatever the schema wanted there (a text, one of several shapes), nothing was written.
    const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(value, path) === undefined;
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : undefined;
    let message: string;
    let hint: string | undefined;
    if (missing) {
      message = `missing required field "${field}"`;
      hint = examples[last] ? `add it, e.g.\n      ${examples[last]}` : `add "${last}:" with a value`;
    } else if (unknownKeys) {
      message = `unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.map((k) => `"${k}"`).join(', ')} in "${field}"`;
      hint = `check the spelling; allowed here: ${allowedKeys(schema, path).join(', ') || 'see the README'}`;
    } else {
      message = `field "${field}" ${describe(issue)}`;
      hint = valueHint(issue, last, examples);
    }
    // A wrong value is fixed by retyping the value, so point there; a missing or
    // misspelt field is fixed at its key (or its parent's).
    const pos = unknownKeys?.[0] !== undefined ? locate([...path, unknownKeys[0]]) : locate(path, missing ? 'key' : 'value');
    const rule = missing ? 'missing-field' : unknownKeys ? 'unknown-field' : 'invalid-value';
    return { ...pos, severity: 'error', rule, message, ...(hint ? { hint } : {}) };
  });
  throw new InputError(diagnostics);
}

function valueAt(value: unknown, path: DataPath): unknown {
  let node = value;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** Every error carries a hint: what a right value looks like. */
function valueHint(issue: z.core.$ZodIssue, last: string, examples: Readonly<Record<string, string>>): string {
  if (issue.code === 'invalid_value' && 'values' in issue) return `allowed values: ${(issue.values as unknown[]).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.expected === 'boolean') return `write true or false, without quotes, e.g. ${last || 'nummering'}: true`;
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'write a number without quotes, e.g. 2';
  if (issue.code === 'invalid_type' && issue.expected === 'array') return 'write a list: one "- item" per line, or [item, item]';
  if (issue.code === 'invalid_type' && issue.expected === 'object') return 'write its fields on the lines below it, indented by two spaces';
  const example = examples[last];
  return example ? `write it like this:\n      ${example}` : 'see the README for what this field takes';
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}`;
  return issue.message.startsWith('Invalid') || issue.message.startsWith('Too') ? issue.message.toLowerCase() : issue.message;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Lists the keys a (nested) object schema accepts, for "did you mean" style hints. */
function allowedKeys(schema: z.ZodType, path: DataPath): string[] {
  let node: unknown = schema;
  for (const part of path) {
    node = unwrap(node);
    const def = (node as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && typeof part === 'string') node = def.shape?.[part];
    else if (def?.type === 'array') node = def.element;
    else return [];
  }
  const def = (unwrap(node) as { def?: { shape?: Record<string, unknown> } }).def;
  return Object.keys(def?.shape ?? {});
}

function unwrap(node: unknown): unknown {
  let n = node as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (n?.def && ['optional', 'default', 'nullable'].includes(n.def.type ?? '')) {
    n = n.def.innerType as typeof n;
  }
  return n;
}
