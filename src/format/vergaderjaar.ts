import { parseIsoDatum } from './iso-datum.js';

/**
 * The three ways a vergaderjaar is written:
 * - ministerie: "2024-2025" (footnotes in ministry letters)
 * - kamerstuk: "2024–2025" (en dash; the header of a printed Kamerstuk)
 * - ar: "2024/25" (Aanwijzingen voor de regelgeving 3.43)
 */
export type VergaderjaarStijl = 'ministerie' | 'kamerstuk' | 'ar';

/**
 * Prinsjesdag of `jaar` as YYYY-MM-DD: the third Tuesday of September, the day the
 * Constitution (art. 65) sets for the troonrede, which opens the new parliamentary year.
 */
export function prinsjesdag(jaar: number): string {
  const d = new Date(0);
  d.setUTCFullYear(jaar, 8, 1);
  // Days from 1 September to the first Tuesday (getUTCDay: Sunday 0, Tuesday 2).
  const eersteDinsdag = 1 + ((2 - d.getUTCDay() + 7) % 7);
  return `${String(jaar).padStart(4, '0')}-09-${String(eersteDinsdag + 14).padStart(2, '0')}`;
}

/**
 * The vergaderjaar a date falls in, "2024-2025". It starts on Prinsjesdag: that day
 * itself belongs to the new year, the Monday before it to the old one. Undefined when
 * `iso` is not a real YYYY-MM-DD date.
 */
export function vergaderjaar(iso: string): string | undefined {
  const datum = parseIsoDatum(iso);
  if (!datum) return undefined;
  const start = iso >= prinsjesdag(datum.jaar) ? datum.jaar : datum.jaar - 1;
  return schrijfVergaderjaar(start, 'ministerie');
}

/**
 * Reads a vergaderjaar in any of the three writings ("2024-2025", "2024–2025",
 * "2024/25", also "2024/2025") and returns the year it starts in. Undefined when the
 * text is none of those or the second year does not follow the first ("2024-2026").
 */
export function parseVergaderjaar(text: string): number | undefined {
  const m = /^(\d{4})\s*[-–/]\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (!m?.[1] || !m[2]) return undefined;
  const start = Number(m[1]);
  const eind = m[2].length === 2 ? (start + 1) % 100 : start + 1;
  return Number(m[2]) === eind ? start : undefined;
}

/** Writes the vergaderjaar that starts in `start` in one of the three styles. */
export function schrijfVergaderjaar(start: number, stijl: VergaderjaarStijl = 'ministerie'): string {
  const eind = start + 1;
  if (stijl === 'ar') return `${start}/${String(eind % 100).padStart(2, '0')}`;
  return `${start}${stijl === 'kamerstuk' ? '–' : '-'}${eind}`;
}

/**
 * Rewrites a vergaderjaar as written in data ("2024-2025", or any writing
 * parseVergaderjaar reads) in the given style; undefined when it cannot be read.
 */
export function formatVergaderjaar(vj: string, stijl: VergaderjaarStijl = 'ministerie'): string | undefined {
  const start = parseVergaderjaar(vj);
  return start === undefined ? undefined : schrijfVergaderjaar(start, stijl);
}
