import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.js';
import { BUILT_IN_HELPERS, describeOptions, HELPER_OPTIONS, optionMismatch } from './helpers/helper-options.js';

/**
 * The options written after a helper's arguments, checked against its declaration
 * (helper-options.ts) before anything is rendered: an unknown option, or a literal of
 * the wrong type, is reported at the option itself. A value read from data is only
 * known while rendering and is checked then.
 */
export function checkHelperOptions(
  helper: string,
  hash: hbs.AST.Hash | undefined,
  at: (loc: hbs.AST.SourceLocation) => SourcePosition,
): Diagnostic[] {
  if (!hash || BUILT_IN_HELPERS.has(helper)) return [];
  const declared = HELPER_OPTIONS[helper] ?? {};
  const found: Diagnostic[] = [];
  for (const pair of hash.pairs) {
    const type = declared[pair.key];
    if (type === undefined) {
      found.push({
        ...at(pair.loc),
        severity: 'error',
        rule: 'unknown-helper-option',
        message: `${helper} has no option "${pair.key}"`,
        hint: describeOptions(helper),
      });
      continue;
    }
    const value = literal(pair.value);
    if (value === NOT_LITERAL) continue;
    const wrong = optionMismatch(type, value);
    if (wrong) {
      found.push({
        ...at(pair.value.loc),
        severity: 'error',
        rule: 'helper-option-type',
        message: `option ${pair.key} of ${helper} ${wrong}; got ${pair.value.type === 'StringLiteral' ? `"${String(value)}"` : String(value)}`,
        hint: describeOptions(helper),
      });
    }
  }
  return found;
}

const NOT_LITERAL = Symbol('not a literal');

function literal(node: hbs.AST.Expression): unknown {
  switch (node.type) {
    case 'StringLiteral':
    case 'BooleanLiteral':
    case 'NumberLiteral':
      return (node as hbs.AST.StringLiteral | hbs.AST.BooleanLiteral | hbs.AST.NumberLiteral).value;
    case 'UndefinedLiteral':
      return undefined;
    case 'NullLiteral':
      return null;
    default:
      return NOT_LITERAL;
  }
}
