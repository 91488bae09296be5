import type Handlebars from 'handlebars';
import { formatBedrag } from '../../format/format-bedrag.js';
import { formatBereik } from '../../format/format-bereik.js';
import { formatDatumRelatief } from '../../format/format-datum-relatief.js';
import { formatDatum } from '../../format/format-datum.js';
import { formatGetal, toNumber } from '../../format/format-getal.js';
import { formatGroot } from '../../format/format-groot.js';
import { formatPercentage } from '../../format/format-percentage.js';
import { formatVergaderjaar, vergaderjaar, type VergaderjaarStijl } from '../../format/vergaderjaar.js';

type HelperOptions = Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } };
/** Reports an author's mistake at the helper call. */
export type Fail = (options: HelperOptions, message: string, hint: string, rule?: string) => never;

/**
 * Dutch numbers and dates in prose: {{getal 90000}} → 90.000, {{percentage 9.1}} →
 * 9,1%, {{groot 1300000}} → 1,3 miljoen, {{bedrag 118000000 groot=true}} →
 * € 118 miljoen, {{bereik 90000 127000}} → tussen de 90.000 en 127.000,
 * {{datum "2024-11-19"}}, {{datum_relatief "2024-10-16"}} → 16 oktober jl.,
 * {{vergaderjaar "2024-10-16"}} → 2024-2025.
 */
export function registerFormatHelpers(hb: typeof Handlebars, briefDatum: () => string | undefined, fail: Fail): void {
  const number = (value: unknown, options: HelperOptions, helper: string): number => {
    const n = toNumber(value);
    if (value === undefined) fail(options, `${helper} needs a number, e.g. {{${helper} cijfers.meldingen}}`, 'write the value or the data field after the helper name');
    if (n === undefined) fail(options, `${helper}: "${String(value)}" is not a number`, 'write the number with a decimal point, e.g. 9.1, or check the data field name');
    return n as number;
  };
  const iso = (value: unknown, options: HelperOptions, helper: string): string => {
    if (value === undefined) return fail(options, `${helper} needs a date, e.g. {{${helper} "2024-11-19"}} or {{${helper} datum}}`, 'write the date or the data field after the helper name');
    if (typeof value === 'string' && formatDatum(value) !== undefined) return value;
    return fail(options, `${helper}: "${String(value)}" is not a date written as YYYY-MM-DD`, 'write the date as YYYY-MM-DD, e.g. "2024-11-19"');
  };
  const decimals = (v: unknown) => (v === undefined ? undefined : toNumber(v));
  const args = (all: unknown[]) => ({ options: all[all.length - 1] as HelperOptions, values: all.slice(0, -1) });

  hb.registerHelper('getal', (...all: unknown[]) => {
    const { options, values } = args(all);
    return formatGetal(number(values[0], options, 'getal'), decimals(values[1]));
  });
  hb.registerHelper('percentage', (...all: unknown[]) => {
    const { options, values } = args(all);
    return formatPercentage(number(values[0], options, 'percentage'), decimals(values[1]));
  });
  // Handlebars passes its options last, after however many arguments the author wrote,
  // so `{{datum}}` without an argument must not be read as `{{datum options}}`.
  hb.registerHelper('groot', (...all: unknown[]) => {
    const { options, values } = args(all);
    return formatGroot(number(values[0], options, 'groot'));
  });
  hb.registerHelper('bedrag', (...all: unknown[]) => {
    const { options, values } = args(all);
    return formatBedrag(number(values[0], options, 'bedrag'), {
      groot: Boolean(options.hash?.groot),
      ...(options.hash?.valuta === 'woord' ? { valuta: 'woord' as const } : {}),
    });
  });
  hb.registerHelper('bereik', (...all: unknown[]) => {
    const { options, values } = args(all);
    const d = decimals(options.hash?.decimalen);
    return formatBereik(number(values[0], options, 'bereik'), number(values[1], options, 'bereik'), {
      groot: Boolean(options.hash?.groot),
      ...(d === undefined ? {} : { decimalen: d }),
    });
  });
  hb.registerHelper('datum', (...all: unknown[]) => {
    const { options, values } = args(all);
    return formatDatum(iso(values[0], options, 'datum'));
  });
  hb.registerHelper('datum_relatief', (...all: unknown[]) => {
    const { options, values } = args(all);
    const d = iso(values[0], options, 'datum_relatief');
    const brief = briefDatum();
    return (brief && formatDatumRelatief(d, brief)) ?? formatDatum(d);
  });
  hb.registerHelper('vergaderjaar', (...all: unknown[]) => {
    const { options, values } = args(all);
    const vj = vergaderjaar(iso(values[0], options, 'vergaderjaar')) ?? '';
    const stijl = options.hash?.stijl as VergaderjaarStijl | undefined;
    return stijl ? (formatVergaderjaar(vj, stijl) ?? vj) : vj;
  });
}
