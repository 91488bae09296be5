import { escapeXml } from './escape.js';
import { n } from './format.js';
import { SWATCH, type Layout } from './layout.js';
import { barFill, FONT, KLEUR, lineStroke, marker, seriesStyle } from './style.js';

/**
 * The legend repeats exactly what distinguishes the series in the plot (pattern, or
 * dash and marker), so it can be matched without seeing colour.
 */
export function renderLegend(l: Layout, soort: 'staaf' | 'lijn', prefix: string): string {
  if (l.legend.length === 0) return '';
  const items = l.legend.map(({ x, y, naam, series }) => {
    const s = seriesStyle(series);
    let swatch: string;
    if (soort === 'staaf') {
      const size = SWATCH.staaf;
      swatch = `<rect x="${n(x)}" y="${n(y - size / 2)}" width="${size}" height="${size}" fill="${barFill(prefix, series)}" stroke="${s.rand}" stroke-width="0.2"/>`;
    } else {
      swatch =
        `<line x1="${n(x)}" y1="${n(y)}" x2="${n(x + SWATCH.lijn)}" y2="${n(y)}" ${lineStroke(series)}/>` +
        marker(series, x + SWATCH.lijn / 2, y, 0.9);
    }
    const text = `<text x="${n(x + SWATCH[soort] + 1.2)}" y="${n(y + FONT.legenda * 0.35)}">${escapeXml(naam)}</text>`;
    return swatch + text;
  });
  return `<g font-size="${n(FONT.legenda)}" fill="${KLEUR.tekst}">${items.join('')}</g>`;
}
