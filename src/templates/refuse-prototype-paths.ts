import Handlebars from 'handlebars';
import { inputError } from '../diagnostics/diagnostic.js';
import { FORBIDDEN_KEYS } from '../parse/forbidden-keys.js';

/**
 * Handlebars' strict mode asks `name in object`, which is true for names every
 * object inherits (`constructor`, `__proto__`), and then its prototype guard answers
 * them with nothing: `{{constructor}}` would print an empty string. No data can hold
 * these names (src/model/refuse-keys.ts), so a path or `lookup` naming one is an
 * unknown variable like any other, found before anything is rendered.
 */
export function refusePrototypePaths(ast: hbs.AST.Program, file: string, lineOffset: number): void {
  const refuse = (node: hbs.AST.Node, name: string): never => {
    throw inputError(
      { file, line: node.loc.start.line + lineOffset, column: node.loc.start.column + 1 },
      `unknown template variable "${name}"`,
      'check the spelling against the front matter and the data files in data/; __proto__, constructor and prototype are never data',
    );
  };
  const visitor = new Handlebars.Visitor();
  visitor.PathExpression = function (path: hbs.AST.PathExpression) {
    if (path.parts.some((part) => FORBIDDEN_KEYS.has(part))) refuse(path, path.original);
  };
  const visitCall = function (this: Handlebars.Visitor, node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement) {
    const callee = node.path as hbs.AST.PathExpression;
    // {{lookup cijfers "constructor"}} names the key as a string.
    if (callee.original === 'lookup') {
      for (const param of node.params) {
        if (param.type === 'StringLiteral' && FORBIDDEN_KEYS.has((param as hbs.AST.StringLiteral).value)) refuse(param, (param as hbs.AST.StringLiteral).value);
      }
    }
  };
  const base = {
    MustacheStatement: visitor.MustacheStatement,
    SubExpression: visitor.SubExpression,
    BlockStatement: visitor.BlockStatement,
  };
  visitor.MustacheStatement = function (node) {
    visitCall.call(this, node);
    base.MustacheStatement.call(this, node);
  };
  visitor.SubExpression = function (node) {
    visitCall.call(this, node);
    base.SubExpression.call(this, node);
  };
  visitor.BlockStatement = function (node) {
    visitCall.call(this, node);
    base.BlockStatement.call(this, node);
  };
  visitor.accept(ast);
}
