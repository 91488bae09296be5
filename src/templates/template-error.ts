import { inputError, InputError } from '../diagnostics/diagnostic.js';

interface HandlebarsException extends Error {
  lineNumber?: number;
  column?: number;
}

/**
 * Turns whatever Handlebars threw into a positioned diagnostic. Runtime errors carry
 * line and column; parse errors only say "Parse error on line N" and draw a caret.
 * `lineOffset` maps template lines to file lines (Markdown bodies start after their
 * front matter).
 */
export function templateError(err: unknown, file: string, lineOffset = 0): InputError {
  if (err instanceof InputError) return err;
  if (err instanceof RangeError) {
    return inputError(
      { file, line: 1, column: 1 },
      'template recursion too deep: a partial includes itself, directly or through another partial',
      'break the cycle of {{> partial}} calls',
    );
  }
  const e = err as HandlebarsException;
  const message = String(e?.message ?? err);
  const parse = /Parse error on line (\d+):\n.*\n(-*)\^\n([^\n]*)/.exec(message);
  if (parse) {
    return inputError(
      { file, line: Number(parse[1]) + lineOffset, column: (parse[2]?.length ?? 0) + 1 },
      `template syntax error: ${friendlyExpectation(parse[3] ?? '')}`,
      'check that every {{#block}} has its {{/block}} and every {{ has its }}',
    );
  }
  const notDefined = /^"([^"]+)" not defined in/.exec(message);
  const missingHelper = /^Missing helper: "([^"]+)"/.exec(message);
  const line = (e.lineNumber ?? 1) + lineOffset;
  const column = (e.column ?? 0) + 1;
  if (notDefined) {
    return inputError(
      { file, line, column },
      `unknown template variable or helper "${notDefined[1]}"`,
      'check the spelling against the data files in data/ and the front matter; helpers are getal, datum and the Handlebars built-ins',
    );
  }
  if (missingHelper) {
    return inputError({ file, line, column }, `unknown helper "${missingHelper[1]}"`, 'available helpers: getal, datum, and the Handlebars built-ins (if, each, with, unless)');
  }
  const partial = /The partial (.+) could not be found/.exec(message);
  if (partial) {
    return inputError({ file, line, column }, `unknown partial "${partial[1]}"`, 'partials are the .hbs files in templates/partials/');
  }
  return inputError({ file, line, column }, `template error: ${message.split('\n')[0]}`, 'fix the {{…}} expression at this position');
}

function friendlyExpectation(got: string): string {
  const tok = /got '([A-Z_]+)'/.exec(got)?.[1];
  if (tok === 'EOF') return 'the template ends before a block is closed';
  if (tok) return `unexpected ${tok.toLowerCase().replace(/_/g, ' ')}`;
  return got || 'invalid {{…}} expression';
}
