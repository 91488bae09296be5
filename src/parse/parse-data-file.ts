import path from 'node:path';
import { digest, type Codec, type Memo } from '../cache/memo.js';
import { inputError, wholeFile } from '../diagnostics/diagnostic.js';
import { parseCsvFile } from './parse-csv.js';
import { parseJson } from './parse-json.js';
import { locatedCodec } from './located-codec.js';
import { parseYaml, type LocatedValue } from './parse-yaml.js';
import { readText } from './read-text.js';

/** A data file from `data/`, exposed to templates under `key`. */
export interface ParsedDataFile extends LocatedValue {
  file: string;
  key: string;
  /** The file's content hash: its positions change with it. */
  version: string;
}

const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseDataFile(file: string, memo?: Memo<ParsedDataFile>): ParsedDataFile {
  const ext = path.extname(file).toLowerCase();
  const key = path.basename(file, path.extname(file));
  if (!KEY_PATTERN.test(key)) {
    throw inputError(
      wholeFile(file),
      `data file name "${path.basename(file)}" cannot be used as a template variable`,
      `rename it to letters, digits and underscores only, e.g. ${key.replace(/[^A-Za-z0-9_]/g, '_')}${ext}`,
    );
  }
  const text = readText(file, 'data');
  return memo ? memo.get([file, text], () => parseDataText(text, file, key, ext)) : parseDataText(text, file, key, ext);
}

/** The parse cache's form of a data file; the inputs are parseDataFile's memo key. */
export const DATA_FILE_CODEC: Codec<ParsedDataFile> = locatedCodec(([file = '', text = '']) => {
  const ext = path.extname(file).toLowerCase();
  return parseDataText(text, file, path.basename(file, path.extname(file)), ext);
});

function parseDataText(text: string, file: string, key: string, ext: string): ParsedDataFile {
  // An empty file is a half-finished export or a forgotten stub; as {} or [] it would
  // only surface later as "unknown template variable" somewhere else.
  if (text.replace(ext === '.csv' || ext === '.json' ? /\s+/g : /^\s*#.*$|\s+/gm, '') === '') {
    throw inputError(wholeFile(file), 'data file is empty', emptyHint(ext));
  }
  const version = digest([text]);
  if (ext === '.yaml' || ext === '.yml') return { file, key, version, ...parseYaml(text, file) };
  if (ext === '.json') return { file, key, version, ...parseJson(text, file) };
  return { file, key, version, ...parseCsvFile(text, file) };
}

function emptyHint(ext: string): string {
  if (ext === '.csv') return 'add a header row with column names and the rows below it, or remove the file';
  if (ext === '.json') return 'add the data, e.g. {"meldingen": 12000}, or remove the file';
  return 'add the data, e.g. "meldingen: 12000", or remove the file';
}
