import type { HandlebarsEnv } from './create-handlebars.js';
import { inputError } from '../diagnostics/diagnostic.js';

type Node = hbs.AST.Node;
type PathLike = hbs.AST.PathExpression;

/** Blocks that keep the surrounding context; inside any other block `this` changes. */
const SAME_CONTEXT = new Set(['if', 'unless']);

/**
 * Handlebars' strict mode checks `{{name}}` but lets a helper's arguments through:
 * `{{getal cijfers.onbekend}}` would reach the helper as undefined. This walks the
 * template and checks every argument path at the top level against the data, so a
 * misspelt name is reported where it is written. Paths inside #each and #with are
 * left to strict mode, since their context is only known while rendering.
 */
export function checkHelperParams(
  hb: HandlebarsEnv,
  source: string,
  data: Record<string, unknown>,
  file: string,
  lineOffset: number,
): void {
  const check = (param: Node) => {
    if (param.type === 'SubExpression') return visit(param, true);
    if (param.type !== 'PathExpression') return;
    const path = param as PathLike;
    if (path.data || path.depth > 0 || path.parts.length === 0 || /^this\b/.test(path.original)) return;
    if (resolves(data, path.parts)) return;
    const loc = path.loc;
    throw inputError(
      { file, line: loc.start.line + lineOffset, column: loc.start.column + 1 },
      `unknown template variable "${path.original}"`,
      'check the spelling against the data files in data/ and the front matter',
    );
  };
  const visit = (node: Node, inScope: boolean): void => {
    const n = node as Node & {
      body?: Node[];
      params?: Node[];
      hash?: { pairs: { value: Node }[] };
      path?: PathLike;
      program?: Node;
      inverse?: Node;
    };
    if (n.type === 'Program') return n.body?.forEach((child) => visit(child, inScope));
    if (inScope && (n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement')) {
      n.params?.forEach(check);
      n.hash?.pairs.forEach((pair) => check(pair.value));
    }
    if (n.type === 'BlockStatement') {
      const keeps = inScope && SAME_CONTEXT.has(n.path?.original ?? '');
      if (n.program) visit(n.program, keeps);
      if (n.inverse) visit(n.inverse, keeps);
    }
  };
  visit(hb.parse(source), true);
}

function resolves(data: unknown, parts: string[]): boolean {
  let node: unknown = data;
  for (const part of parts) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}
