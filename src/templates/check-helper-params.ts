import type { HandlebarsEnv } from './create-handlebars.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkHelperOptions } from './check-helper-options.js';

type Node = hbs.AST.Node;
type PathLike = hbs.AST.PathExpression;

/** Blocks that keep the surrounding context. */
const SAME_CONTEXT = new Set(['if', 'unless']);
/** `{{datum 2024-05-24}}` reads as a name, not as a date. */
const UNQUOTED_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;

/** What `this` is inside a block, as far as can be known before rendering. */
interface Scope {
  /** An object whose keys the paths must name; undefined when the context is unknown. */
  value: Record<string, unknown> | undefined;
  /** For rows: the data path that was iterated, for the message. */
  rows?: string;
}

/**
 * Handlebars' strict mode checks `{{name}}` but lets a helper's arguments through:
 * `{{getal cijfers.onbekend}}` would reach the helper as undefined. This walks the
 * template and checks every argument path against the data, so a misspelt name is
 * reported where it is written. Inside {{#each list}} the paths are checked against
 * the fields of the list's rows, and inside {{#with obj}} against obj; in other
 * blocks the context is only known while rendering, so strict mode has the last word.
 * It also checks every helper's options against its declaration. Returns all
 * mistakes it finds, in the order they are written.
 */
export function checkHelperParams(
  hb: HandlebarsEnv,
  source: string | hbs.AST.Program,
  data: Record<string, unknown>,
  file: string,
  lineOffset: number,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const at = (loc: hbs.AST.SourceLocation) => ({
    file,
    line: loc.start.line + lineOffset,
    column: loc.start.column + 1,
    end: { line: loc.end.line + lineOffset, column: loc.end.column + 1 },
  });
  const check = (param: Node, scope: Scope) => {
    if (param.type === 'SubExpression') return visit(param, scope);
    if (param.type !== 'PathExpression') return;
    const path = param as PathLike;
    if (UNQUOTED_DATE.test(path.original)) {
      found.push({
        ...at(path.loc),
        severity: 'error',
        rule: 'unquoted-date',
        message: `${path.original} is read as a name, not as a date`,
        hint: `put the date in quotes: "${path.original}"`,
      });
      return;
    }
    if (!scope.value || path.data || path.depth > 0 || path.parts.length === 0 || /^this\b/.test(path.original)) return;
    if (resolves(scope.value, path.parts)) return;
    found.push({
      ...at(path.loc),
      severity: 'error',
      rule: 'unknown-variable',
      message: scope.rows ? `unknown field "${path.original}" in the rows of ${scope.rows}` : `unknown template variable "${path.original}"`,
      hint: scope.rows
        ? `the rows of ${scope.rows} have the fields: ${Object.keys(scope.value).join(', ')}`
        : 'check the spelling against the data files in data/ and the front matter',
    });
  };
  const visit = (node: Node, scope: Scope): void => {
    const n = node as Node & {
      body?: Node[];
      params?: Node[];
      hash?: hbs.AST.Hash;
      path?: PathLike;
      program?: Node;
      inverse?: Node;
    };
    if (n.type === 'Program') return n.body?.forEach((child) => visit(child, scope));
    if (n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') {
      // {{naam}} alone is a value, unless a helper has that name (Handlebars calls the helper then).
      const value = n.type === 'MustacheStatement' && !n.params?.length && !n.hash && n.path?.type === 'PathExpression' && !(n.path.original in hb.helpers);
      if (value && n.path) check(n.path, scope);
      n.params?.forEach((p) => check(p, scope));
      n.hash?.pairs.forEach((pair) => check(pair.value, scope));
      if (n.path && n.path.type === 'PathExpression' && n.path.original in hb.helpers) {
        found.push(...checkHelperOptions(n.path.original, n.hash, at));
      }
    }
    if (n.type === 'BlockStatement') {
      const inner = innerScope(n.path?.original ?? '', n.params?.[0], scope);
      if (n.program) visit(n.program, inner);
      if (n.inverse) visit(n.inverse, scope);
    }
  };
  visit(typeof source === 'string' ? hb.parse(source) : source, { value: data });
  return found;
}

function innerScope(block: string, param: Node | undefined, outer: Scope): Scope {
  if (SAME_CONTEXT.has(block)) return outer;
  const path = param?.type === 'PathExpression' ? (param as PathLike) : undefined;
  const target = path && outer.value && !path.data && path.depth === 0 ? lookup(outer.value, path.parts) : undefined;
  if (block === 'with' && isObject(target)) return { value: target };
  if (block === 'each' && Array.isArray(target) && target.length > 0 && target.every(isObject)) {
    // The union of the rows' fields: a field present in some rows is not a misspelling.
    return { value: Object.assign({}, ...target) as Record<string, unknown>, rows: path!.original };
  }
  return { value: undefined };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lookup(data: unknown, parts: string[]): unknown {
  let node: unknown = data;
  for (const part of parts) {
    if (!isObject(node) || !(part in node)) return undefined;
    node = node[part];
  }
  return node;
}

function resolves(data: unknown, parts: string[]): boolean {
  let node: unknown = data;
  for (const part of parts) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}
