import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { inputError, offsetToLineColumn } from '../diagnostics/diagnostic.js';
import { parseYaml, type LocatedValue } from './parse-yaml.js';
import { decodeText } from './decode-text.js';

/** A data file from `data/`, exposed to templates under `key`. */
export interface ParsedDataFile extends LocatedValue {
  file: string;
  key: string;
}

const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseDataFile(file: string): ParsedDataFile {
  const ext = path.extname(file).toLowerCase();
  const key = path.basename(file, path.extname(file));
  if (!KEY_PATTERN.test(key)) {
    throw inputError(
      { file, line: 1, column: 1 },
      `data file name "${path.basename(file)}" cannot be used as a template variable`,
      `rename it to letters, digits and underscores only, e.g. ${key.replace(/[^A-Za-z0-9_]/g, '_')}${ext}`,
    );
  }
  const text = decodeText(readFileSync(file), file);
  if (ext === '.yaml' || ext === '.yml') return { file, key, ...parseYaml(text, file) };
  if (ext === '.json') return { file, key, ...parseJson(text, file) };
  return { file, key, ...parseCsvFile(text, file) };
}

function parseJson(text: string, file: string): LocatedValue {
  try {
    const value: unknown = JSON.parse(text);
    return { value, locate: () => ({ file, line: 1, column: 1 }) };
  } catch (err) {
    // JSON.parse on node 20 often names no position; jsonc-parser finds the first error's offset.
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const code = first ? printParseErrorCode(first.error) : undefined;
    // A missing comma is fixed at the end of the value before it, not at the next key.
    const at = first ? (code === 'CommaExpected' ? text.slice(0, first.offset).trimEnd().length : first.offset) : 0;
    const pos = offsetToLineColumn(text, at);
    const what = code ? (JSON_ERRORS[code] ?? code) : (err as Error).message;
    throw inputError(
      { file, ...pos },
      `JSON syntax error: ${what}`,
      'check for a missing comma or quote, or a trailing comma before } or ]',
    );
  }
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

function parseCsvFile(text: string, file: string): LocatedValue {
  if (text.trim() === '') {
    throw inputError({ file, line: 1, column: 1 }, 'CSV file is empty', 'add a header row with column names');
  }
  try {
    const rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
    return { value: rows, locate: (p) => ({ file, line: typeof p[0] === 'number' ? p[0] + 2 : 1, column: 1 }) };
  } catch (err) {
    const e = err as Error & { lines?: number; code?: string };
    throw inputError(
      { file, line: e.lines ?? 1, column: 1 },
      `CSV error: ${e.message}`,
      'every row needs as many fields as the header row; quote fields that contain commas',
    );
  }
}
