import { inputError, InputError, wholeFile } from '../diagnostics/diagnostic.js';
import { HELPER_OPTIONS } from './helpers/helper-options.js';
import {
  closingTagOffset,
  lineColumnToOffset,
  mustacheAt,
  offsetToPosition,
  parseErrorOffset,
  partialCallOffset,
  unclosedBlock,
  unclosedMustache,
} from './template-source.js';

interface HandlebarsException extends Error {
  lineNumber?: number;
  column?: number;
}

/**
 * Turns whatever Handlebars threw into a positioned diagnostic. Runtime errors carry
 * line and column; parse errors only say "Parse error on line N" with an excerpt, so
 * the template `source` is needed to find the column (see template-source.ts).
 * `lineOffset` maps template lines to file lines (Markdown bodies start after their
 * front matter).
 */
export function templateError(err: unknown, file: string, lineOffset = 0, source?: string): InputError {
  if (err instanceof InputError) return err;
  if (err instanceof RangeError) {
    // The first partial call in this file starts the cycle; without one, the file is to blame.
    const call = source ? /\{\{~?\s*>/.exec(source) : null;
    const at = call && source ? offsetToPosition(source, call.index) : undefined;
    return inputError(
      at ? { file, line: at.line + lineOffset, column: at.column } : wholeFile(file),
      'template recursion too deep: a partial includes itself, directly or through another partial',
      'break the cycle of {{> partial}} calls',
      'partial-cycle',
    );
  }
  const e = err as HandlebarsException;
  const message = String(e?.message ?? err);
  const parse = /^(?:Parse|Lexical) error on line (\d+)[^\n]*\n(.*)\n(-*)\^\n?([^\n]*)/.exec(message);
  if (parse) return parseError(file, lineOffset, source, Number(parse[1]), parse[2] ?? '', parse[3]?.length ?? 0, parse[4] ?? '');
  const notDefined = /^"([^"]+)" not defined in/.exec(message);
  const missingHelper = /^Missing helper: "([^"]+)"/.exec(message);
  const line = (e.lineNumber ?? 1) + lineOffset;
  const column = (e.column ?? 0) + 1;
  if (notDefined) {
    // Strict mode names only the last segment ("onbekend"); the expression itself says
    // whether "cijfers.onbekend" was meant as data, or "bedrag 3" as a helper call.
    const name = notDefined[1] ?? '';
    const expr = source ? mustacheAt(source, e.lineNumber ?? 1, column) : undefined;
    const words = expr?.replace(/^[#^/>]\s*/, '').split(/\s+/) ?? [];
    if (words[0] === name && words.length > 1) return unknownHelper(file, line, column, name);
    const full = words.find((w) => w.split(/[./]/).includes(name)) ?? name;
    return inputError(
      { file, line, column },
      `unknown template variable "${full}"`,
      'check the spelling against the front matter and the data files in data/ (data/cijfers.yaml is {{cijfers.…}})',
      'unknown-variable',
    );
  }
  if (missingHelper) return unknownHelper(file, line, column, missingHelper[1] ?? '');
  const mismatch = /^(\S+) doesn't match (\S+) - /.exec(message);
  if (mismatch) {
    // Handlebars points at the opening tag; the wrong closing tag after it is what to fix.
    const open = source ? lineColumnToOffset(source, e.lineNumber ?? 1, column) : undefined;
    const close = source && open !== undefined ? closingTagOffset(source, mismatch[2] ?? '', open) : undefined;
    const at = close !== undefined && source ? offsetToPosition(source, close) : undefined;
    return inputError(
      at ? { file, line: at.line + lineOffset, column: at.column } : { file, line, column },
      `template syntax error: {{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}`,
      `add {{/${mismatch[1]}}} before {{/${mismatch[2]}}}: the block opened last is closed first`,
      'template-syntax',
    );
  }
  const partial = /The partial (.+) could not be found/.exec(message);
  if (partial) {
    // Raised while rendering, without a position: the call is found in the source.
    const offset = source ? partialCallOffset(source, partial[1] ?? '') : undefined;
    const at = offset !== undefined && source ? offsetToPosition(source, offset) : undefined;
    return inputError(
      at ? { file, line: at.line + lineOffset, column: at.column } : { file, line, column },
      `unknown partial "${partial[1]}"`,
      'partials are the .hbs files in templates/partials/',
      'unknown-partial',
    );
  }
  return inputError({ file, line, column }, `template error: ${message.split('\n')[0]}`, 'fix the {{…}} expression at this position', 'template');
}

function unknownHelper(file: string, line: number, column: number, name: string): InputError {
  return inputError(
    { file, line, column },
    `unknown helper "${name}"`,
    `available helpers: ${Object.keys(HELPER_OPTIONS).filter((h) => h !== 'inc').join(', ')}, and the Handlebars built-ins (if, each, with, unless)`,
    'unknown-helper',
  );
}

function parseError(
  file: string,
  lineOffset: number,
  source: string | undefined,
  line: number,
  excerpt: string,
  caret: number,
  expectation: string,
): InputError {
  const got = /got '([A-Z_]+)'/.exec(expectation)?.[1];
  // An unclosed block is reported at the end of the file; its opening tag is what to fix.
  const block = got === 'EOF' && source ? unclosedBlock(source) : undefined;
  if (block && source) {
    const at = offsetToPosition(source, block.offset);
    return inputError(
      { file, line: at.line + lineOffset, column: at.column },
      `template syntax error: {{#${block.name}}} is never closed`,
      `add {{/${block.name}}} where the ${block.name} block ends`,
      'template-syntax',
    );
  }
  // "{{naam" with no "}}": the parser reads on to the end of the file; the "{{" is the place.
  const open = got === 'EOF' && source ? unclosedMustache(source) : undefined;
  if (open !== undefined && source) {
    const at = offsetToPosition(source, open);
    return inputError(
      { file, line: at.line + lineOffset, column: at.column },
      'template syntax error: this "{{" is never closed with "}}"',
      'add "}}" at the end of the expression',
      'template-syntax',
    );
  }
  let offset = source ? parseErrorOffset(source, line, excerpt, caret) : undefined;
  // "{{naam</p>": the lexer rejects the whole name, but the "}}" belongs after it.
  while (got === 'INVALID' && source && offset !== undefined && /[\w.\-/@$]/.test(source[offset] ?? '')) offset++;
  const at = offset !== undefined && source ? offsetToPosition(source, offset) : { line, column: 1 };
  const char = offset !== undefined ? source?.[offset] : undefined;
  return inputError(
    { file, line: at.line + lineOffset, column: at.column },
    `template syntax error: ${friendlyExpectation(got, char)}`,
    'check that every {{#block}} has its {{/block}} and every {{ has its }}',
    'template-syntax',
  );
}

function friendlyExpectation(tok: string | undefined, char: string | undefined): string {
  if (tok === 'EOF') return 'the template ends inside a {{…}} expression or an open block';
  if (tok === 'INVALID') return `unexpected ${char && char.trim() ? `"${char}"` : 'character'} inside {{…}}; is a "}}" missing?`;
  if (tok) return `unexpected ${tok.toLowerCase().replace(/_/g, ' ')}`;
  return 'invalid {{…}} expression';
}
