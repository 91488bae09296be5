import { parse as parseCsv } from 'csv-parse/sync';
import { inputError } from '../diagnostics/diagnostic.js';
import type { LocatedValue } from './parse-yaml.js';
import { FORBIDDEN_KEYS } from './forbidden-keys.js';

/** Parses a CSV data file with a header row into a list of records. */
export function parseCsvFile(text: string, file: string): LocatedValue {
  const headerLine = text.split('\n').findIndex((l) => l.trim() !== '') + 1;
  try {
    const rows = parseCsv(text, {
      columns: (header: string[]) => checkHeader(header, text, file, headerLine),
      skip_empty_lines: true,
      trim: true,
    }) as Record<string, string>[];
    return { value: rows, locate: (p) => ({ file, line: typeof p[0] === 'number' ? p[0] + 2 : 1, column: 1 }) };
  } catch (err) {
    if (!(err instanceof Error) || !('code' in err)) throw err;
    const e = err as Error & { lines?: number };
    throw inputError(
      { file, line: e.lines ?? 1, column: 1 },
      `CSV error: ${e.message}`,
      'every row needs as many fields as the header row; quote fields that contain commas',
    );
  }
}

/**
 * The header row names the fields templates use ({{jaar}}). csv-parse would keep only
 * the last of two equal names and accept an empty one; both lose data without a word.
 * A Dutch Excel export separates fields with ";", which reads as one long column.
 */
function checkHeader(header: string[], text: string, file: string, line: number): string[] {
  const raw = text.split('\n')[line - 1] ?? '';
  const column = (i: number) => {
    // Column of the i-th field in the header line (quoted names are found by their text).
    let offset = 0;
    for (let n = 0; n < i; n++) offset = raw.indexOf(',', offset) + 1;
    return Math.max(1, raw.indexOf(header[i] ?? '', offset) + 1);
  };
  if (header.length === 1 && /;/.test(header[0] ?? '')) {
    throw inputError(
      { file, line, column: raw.indexOf(';') + 1 },
      'the fields of this CSV file are separated by ";", not ","',
      'export the file as "CSV UTF-8 (comma delimited)", or replace the ";" between fields with ","',
    );
  }
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') {
      throw inputError({ file, line, column: column(i) }, `column ${i + 1} of the header row has no name`, 'give every column a name, e.g. jaar,meldingen');
    }
    if (FORBIDDEN_KEYS.has(name)) {
      throw inputError({ file, line, column: column(i) }, `"${name}" cannot be used as a field name`, 'the names __proto__, constructor and prototype are reserved; rename the column');
    }
    if (seen.has(name)) {
      throw inputError({ file, line, column: column(i) }, `column name "${name}" appears twice in the header row`, 'give every column its own name');
    }
    seen.add(name);
  });
  return header;
}
