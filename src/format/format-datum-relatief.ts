import { formatDatum } from './format-datum.js';
import { dagEnMaand } from './dutch-notation.js';
import { parseIsoDatum } from './iso-datum.js';


/**
 * A date as the letter dated `briefDatum` refers to it: "16 oktober jl." when the date
 * lies before the letter's date in the same calendar year, otherwise the full date
 * ("19 november 2024"), also for the letter's own date and for later dates.
 *
 * Why only the same calendar year: "jl." (jongstleden) drops the year, and readers
 * supply the year of the letter; "12 december jl." in a January letter would make them
 * look in the wrong year. "a.s." for coming dates is deliberately not produced: plans
 * slip, and a letter is read long after it is sent.
 *
 * Undefined when either date is not a real YYYY-MM-DD date.
 */
export function formatDatumRelatief(iso: string, briefDatum: string): string | undefined {
  const datum = parseIsoDatum(iso);
  const brief = parseIsoDatum(briefDatum);
  if (!datum || !brief) return undefined;
  // Zero-padded ISO dates compare correctly as strings.
  if (datum.jaar === brief.jaar && iso < briefDatum) return `${dagEnMaand(datum.dag, datum.maand)} jl.`;
  return formatDatum(iso);
}
