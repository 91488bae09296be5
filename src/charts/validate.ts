import { cleanText } from './escape.js';
import type { ChartSpec } from './types.js';

/** A checked spec with defaults applied and text cleaned, as the renderers use it. */
export interface NormalSpec {
  soort: 'staaf' | 'lijn';
  titel: string;
  eenheid: string | undefined;
  bron: string | undefined;
  /** The shared x-axis categories. */
  labels: string[];
  reeksen: { naam: string; waarden: number[] }[];
  breedte: number;
  hoogte: number;
}

export const MAX_SERIES = 4;
/** Beyond this a value has lost integer precision; no letter needs it. */
const MAX_ABS = 1e15;
const SIZE = { breedte: [40, 1000], hoogte: [30, 1000] } as const;

/**
 * Specs come from YAML and CSV through templates, so the types are checked at run time
 * too: a string where a number belongs must fail here, with the series and label named,
 * not as a NaN coordinate in the PDF.
 */
export function normalizeSpec(spec: ChartSpec): NormalSpec {
  if (typeof spec !== 'object' || spec === null) throw new Error('Chart spec must be an object');
  if (spec.soort !== 'staaf' && spec.soort !== 'lijn') {
    throw new Error(`Chart type (soort) must be 'staaf' or 'lijn', got ${JSON.stringify(spec.soort)}`);
  }
  const titel = typeof spec.titel === 'string' ? cleanText(spec.titel) : '';
  if (titel === '') throw new Error('Chart needs a non-empty title (titel)');
  const reeksen: unknown = spec.reeksen;
  if (!Array.isArray(reeksen) || reeksen.length === 0) throw new Error('Chart needs at least one series (reeksen)');
  if (reeksen.length > MAX_SERIES) {
    throw new Error(`Chart has ${reeksen.length} series; at most ${MAX_SERIES} can be told apart`);
  }

  let labels: string[] | undefined;
  let firstName = '';
  const out: NormalSpec['reeksen'] = [];
  for (const [i, reeks] of (reeksen as ChartSpec['reeksen']).entries()) {
    const naam = typeof reeks?.naam === 'string' ? cleanText(reeks.naam) : '';
    const name = naam === '' ? `#${i + 1}` : `"${naam}"`;
    if (!Array.isArray(reeks?.waarden) || reeks.waarden.length === 0) throw new Error(`Series ${name} has no values`);
    const own = reeks.waarden.map((v, j) => {
      if (typeof v?.label !== 'string' && typeof v?.label !== 'number') {
        throw new Error(`Series ${name}, value ${j + 1} has no label`);
      }
      return String(v.label);
    });
    const waarden = reeks.waarden.map((v, j) => checkValue(v.waarde, name, own[j] ?? ''));
    if (labels === undefined) {
      labels = own;
      firstName = name;
    } else if (own.length !== labels.length || own.some((l, j) => l !== labels?.[j])) {
      throw new Error(
        `Series ${name} has labels ${JSON.stringify(own)} but series ${firstName} has ${JSON.stringify(labels)}; ` +
          'all series must share the same labels in the same order',
      );
    }
    out.push({ naam: naam === '' ? `Reeks ${i + 1}` : naam, waarden });
  }

  return {
    soort: spec.soort,
    titel,
    eenheid: optionalText(spec.eenheid, 'eenheid'),
    bron: optionalText(spec.bron, 'bron'),
    labels: (labels ?? []).map(cleanText),
    reeksen: out,
    breedte: size(spec.breedte, 'breedte', 115),
    hoogte: size(spec.hoogte, 'hoogte', 60),
  };
}

function checkValue(waarde: unknown, series: string, label: string): number {
  if (typeof waarde !== 'number' || !Number.isFinite(waarde)) {
    throw new Error(`Series ${series}, label "${label}": value must be a finite number, got ${String(waarde)}`);
  }
  if (Math.abs(waarde) > MAX_ABS) {
    throw new Error(`Series ${series}, label "${label}": value ${waarde} is out of range (at most ${MAX_ABS} either way)`);
  }
  return waarde;
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`Chart ${field} must be text`);
  const clean = cleanText(value);
  return clean === '' ? undefined : clean;
}

function size(value: unknown, field: keyof typeof SIZE, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const [min, max] = SIZE[field];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`Chart ${field} must be a number of millimetres from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}
