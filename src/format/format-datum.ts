import { dagEnMaand } from './dutch-notation.js';
import { parseIsoDatum } from './iso-datum.js';

/** "2024-11-19" → "19 november 2024". Returns undefined for anything that is not a real date. */
export function formatDatum(iso: string): string | undefined {
  const datum = parseIsoDatum(iso);
  return datum && `${dagEnMaand(datum.dag, datum.maand)} ${datum.jaar}`;
}
