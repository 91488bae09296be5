import { findNodeAtLocation, parse as parseJsonc, parseTree, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { inputError, offsetToLineColumn } from '../diagnostics/diagnostic.js';
import type { LocatedValue } from './parse-yaml.js';

/** Parses a JSON data file; a syntax error or a duplicate key is a diagnostic at its place. */
export function parseJson(text: string, file: string): LocatedValue {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw syntaxError(text, file, err);
  }
  refuseDuplicateKeys(text, file);
  let tree: ReturnType<typeof parseTree> | null = null;
  return {
    value,
    // The nearest node that exists: its key for a misspelt or missing field, its value for a wrong one.
    locate(path, anchor = 'key') {
      // Parsed again only when a diagnostic needs a position.
      tree ??= parseTree(text) ?? null;
      for (let n = path.length; n >= 0 && tree; n--) {
        const node = findNodeAtLocation(tree, [...path.slice(0, n)]);
        if (!node) continue;
        const property = node.parent?.type === 'property' ? node.parent : undefined;
        const at = anchor === 'key' && property && n === path.length ? property : node;
        return { file, ...offsetToLineColumn(text, at.offset), end: offsetToLineColumn(text, at.offset + at.length) };
      }
      return { file, ...offsetToLineColumn(text, 0) };
    },
  };
}

function syntaxError(text: string, file: string, err: unknown) {
  // JSON.parse on node 20 often names no position; jsonc-parser finds the first error's offset.
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  const code = first ? printParseErrorCode(first.error) : undefined;
  // A missing comma is fixed at the end of the value before it, not at the next key.
  const at = first ? (code === 'CommaExpected' ? text.slice(0, first.offset).trimEnd().length : first.offset) : 0;
  const what = code ? (JSON_ERRORS[code] ?? code) : (err as Error).message;
  return inputError(
    { file, ...offsetToLineColumn(text, at) },
    `JSON syntax error: ${what}`,
    'check for a missing comma or quote, or a trailing comma before } or ]',
  );
}

const JSON_ERRORS: Record<string, string> = {
  CommaExpected: 'a comma is missing after this value',
  ColonExpected: 'a colon is missing after this key',
  PropertyNameExpected: 'a key in double quotes is expected here (or a trailing comma before })',
  ValueExpected: 'a value is expected here (or a trailing comma before ])',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  InvalidSymbol: 'this is not valid JSON (strings need double quotes)',
  UnexpectedEndOfString: 'a string is not closed with a double quote',
  EndOfFileExpected: 'there is more text after the end of the JSON value',
  InvalidCommentToken: 'JSON does not allow comments',
};

/**
 * JSON.parse keeps the last of two equal keys without a word, so a value the author
 * sees in the file is silently not the one the letter prints. YAML files already
 * refuse duplicates; JSON files do the same.
 */
function refuseDuplicateKeys(text: string, file: string): void {
  const stack: Set<string>[] = [];
  let duplicate: { key: string; offset: number } | undefined;
  visit(text, {
    onObjectBegin: () => void stack.push(new Set()),
    onObjectEnd: () => void stack.pop(),
    onObjectProperty: (key, offset) => {
      const keys = stack[stack.length - 1];
      if (!keys || duplicate) return;
      if (keys.has(key)) duplicate = { key, offset };
      keys.add(key);
    },
  });
  if (duplicate) {
    throw inputError(
      { file, ...offsetToLineColumn(text, duplicate.offset) },
      `duplicate key "${duplicate.key}" in a JSON object`,
      'each key may appear once in an object; remove or rename the second one',
    );
  }
}
