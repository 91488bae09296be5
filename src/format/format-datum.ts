import { parseIsoDatum, utcDate } from './iso-datum.js';

const lang = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2024-11-19" → "19 november 2024". Returns undefined for anything that is not a real date. */
export function formatDatum(iso: string): string | undefined {
  const datum = parseIsoDatum(iso);
  return datum && lang.format(utcDate(datum));
}
