import { formatGetal } from './format.js';
import type { NormalSpec } from './validate.js';

const SOORT = { staaf: 'Staafdiagram', lijn: 'Lijndiagram' } as const;
const AANTAL = ['', 'één', 'twee', 'drie', 'vier'];

/** Ends a sentence with a full stop unless the author already did. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** "A", "A en B", "A, B en C". */
function opsomming(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
}

/**
 * What a screen reader says instead of the picture: the kind of chart, its title and
 * unit, then every value in reading order with Dutch number notation, and the source.
 * A chart in a letter to parliament is evidence; the text must carry all of it, not a
 * summary of the trend (WCAG 1.1.1).
 */
export function textAlternative(spec: NormalSpec): string {
  const unit = spec.eenheid ? ` (${spec.eenheid})` : '';
  // "Titel. (aantal)." reads badly; the unit goes before the full stop.
  const titel = unit ? spec.titel.replace(/\.+$/, '') : spec.titel;
  const parts = [sentence(`${SOORT[spec.soort]}: ${titel}${unit}`)];
  const multi = spec.reeksen.length > 1;
  if (multi) {
    const count = AANTAL[spec.reeksen.length] ?? String(spec.reeksen.length);
    parts.push(`${count[0]?.toUpperCase()}${count.slice(1)} reeksen: ${opsomming(spec.reeksen.map((r) => r.naam))}.`);
  }
  for (const reeks of spec.reeksen) {
    const values = reeks.waarden.map((v, i) => `${spec.labels[i] || '(geen label)'}: ${formatGetal(v)}`).join('; ');
    parts.push(`${multi ? `${reeks.naam}: ` : ''}${values}.`);
  }
  if (spec.bron) parts.push(sentence(`Bron: ${spec.bron}`));
  return parts.join(' ');
}
