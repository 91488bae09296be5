import { inputError, type SourcePosition } from '../diagnostics/diagnostic.js';
import { toNumber } from '../format/format-getal.js';
import type { Reeks } from './register-schema.js';

export interface SeriesPoint {
  label: string;
  waarde: number;
}

/**
 * The values of a statistical series, inline or from the columns of a CSV data file
 * (data/veilig_thuis.csv → csv: veilig_thuis). Labels keep the order they are written in.
 */
export function seriesValues(reeks: Reeks, data: Record<string, unknown>, where: () => SourcePosition): SeriesPoint[] {
  if (reeks.waarden) return Object.entries(reeks.waarden).map(([label, waarde]) => ({ label, waarde }));
  const key = (reeks.csv ?? '').replace(/\.csv$/i, '');
  const rows = data[key];
  if (!Array.isArray(rows)) {
    throw inputError(where(), `series "${reeks.id}" reads data/${key}.csv, which does not exist`, 'name a CSV file in data/, without the folder: csv: veilig_thuis', 'series-data');
  }
  return rows.map((row: Record<string, unknown>, i) => {
    const label = row[reeks.label ?? ''];
    const waarde = toNumber(row[reeks.waarde ?? '']);
    if (label === undefined || waarde === undefined) {
      throw inputError(
        where(),
        `series "${reeks.id}": row ${i + 2} of data/${key}.csv has no ${label === undefined ? `column "${reeks.label}"` : `number in column "${reeks.waarde}"`}`,
        `the columns of data/${key}.csv are: ${Object.keys(rows[0] ?? {}).join(', ')}; numbers are written like 9.1 or 131200`,
        'series-data',
      );
    }
    return { label: String(label), waarde };
  });
}
