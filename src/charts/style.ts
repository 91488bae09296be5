import { n } from './format.js';

/**
 * The look of the charts: Rijkshuisstijl colours and type sizes, and for every series a
 * second distinguishing feature next to colour (bar pattern; line dash and marker
 * shape), because a letter printed in grey or read by someone colour-blind must not
 * depend on colour alone (WCAG 1.4.1).
 */
export const KLEUR = {
  donkerblauw: '#154273',
  hemelblauw: '#007bc7',
  lichtblauw: '#8fcae7',
  grijs: '#535353',
  tekst: '#000',
  raster: '#cccccc',
} as const;

const PT = 25.4 / 72;
/** Font sizes in mm (the SVG's user unit). Body text is 9.5pt; chart text slightly smaller. */
export const FONT = { titel: 9.5 * PT, legenda: 8 * PT, as: 7.5 * PT, bron: 7 * PT } as const;
export const FONT_FAMILY = "'Fira Sans', sans-serif";

export interface SeriesStyle {
  kleur: string;
  /** Outline for bars and markers; lichtblauw alone is too pale against white (< 3:1). */
  rand: string;
  dash: string | undefined;
  /** Line width in mm; the pale colour is drawn heavier to stay visible. */
  dikte: number;
  marker: 'cirkel' | 'vierkant' | 'driehoek' | 'ruit';
  /** Bar fill pattern; undefined for a solid fill. */
  patroon: 'schuin' | 'stippen' | 'ruit' | undefined;
}

export const SERIES: readonly SeriesStyle[] = [
  { kleur: KLEUR.donkerblauw, rand: KLEUR.donkerblauw, dash: undefined, dikte: 0.5, marker: 'cirkel', patroon: undefined },
  { kleur: KLEUR.hemelblauw, rand: KLEUR.hemelblauw, dash: '2.4 1.2', dikte: 0.5, marker: 'vierkant', patroon: 'schuin' },
  { kleur: KLEUR.lichtblauw, rand: KLEUR.donkerblauw, dash: '0.01 1.2', dikte: 0.8, marker: 'driehoek', patroon: 'stippen' },
  { kleur: KLEUR.grijs, rand: KLEUR.grijs, dash: '3 1 0.6 1', dikte: 0.5, marker: 'ruit', patroon: 'ruit' },
];

/** Stroke attributes of the line of series i; round caps turn the 0.01 dashes into dots. */
export function lineStroke(i: number): string {
  const s = seriesStyle(i);
  const dash = s.dash ? ` stroke-dasharray="${s.dash}" stroke-linecap="round"` : '';
  return `stroke="${s.kleur}" stroke-width="${s.dikte}"${dash}`;
}

export function seriesStyle(i: number): SeriesStyle {
  return SERIES[i % SERIES.length] ?? (SERIES[0] as SeriesStyle);
}

/** Id of the pattern for series i, or undefined when it is drawn solid. */
export function patternId(prefix: string, i: number): string | undefined {
  return seriesStyle(i).patroon ? `${prefix}-patroon-${i}` : undefined;
}

/** Fill attribute value for a bar of series i. */
export function barFill(prefix: string, i: number): string {
  const id = patternId(prefix, i);
  return id ? `url(#${id})` : seriesStyle(i).kleur;
}

/** <pattern> definitions for the series that use one, in user space so tiles are mm. */
export function patternDefs(prefix: string, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = patternId(prefix, i);
    const s = seriesStyle(i);
    if (!id || !s.patroon) continue;
    const t = 1.5;
    const base = `<rect width="${t}" height="${t}" fill="${s.kleur}"/>`;
    const rotate = s.patroon === 'stippen' ? '' : ' patternTransform="rotate(45)"';
    const marks =
      s.patroon === 'stippen'
        ? `<circle cx="${n(t / 2)}" cy="${n(t / 2)}" r="0.38" fill="${KLEUR.donkerblauw}"/>`
        : s.patroon === 'schuin'
          ? `<rect width="0.5" height="${t}" fill="#fff"/>`
          : `<rect width="0.4" height="${t}" fill="#fff"/><rect width="${t}" height="0.4" fill="#fff"/>`;
    out.push(`<pattern id="${id}" width="${t}" height="${t}" patternUnits="userSpaceOnUse"${rotate}>${base}${marks}</pattern>`);
  }
  return out.length ? `<defs>${out.join('')}</defs>` : '';
}

/** A point marker of series i centred on (x, y) with half-size r. */
export function marker(i: number, x: number, y: number, r: number): string {
  const s = seriesStyle(i);
  const paint = `fill="${s.kleur}" stroke="${s.rand === s.kleur ? '#fff' : s.rand}" stroke-width="0.2"`;
  switch (s.marker) {
    case 'cirkel':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" ${paint}/>`;
    case 'vierkant': {
      const h = r * 0.9;
      return `<rect x="${n(x - h)}" y="${n(y - h)}" width="${n(2 * h)}" height="${n(2 * h)}" ${paint}/>`;
    }
    case 'driehoek': {
      const h = r * 1.2;
      return `<path d="M${n(x)} ${n(y - h)}L${n(x + h)} ${n(y + h * 0.8)}L${n(x - h)} ${n(y + h * 0.8)}Z" ${paint}/>`;
    }
    case 'ruit': {
      const h = r * 1.25;
      return `<path d="M${n(x)} ${n(y - h)}L${n(x + h)} ${n(y)}L${n(x)} ${n(y + h)}L${n(x - h)} ${n(y)}Z" ${paint}/>`;
    }
  }
}
