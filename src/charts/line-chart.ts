import { n } from './format.js';
import type { Layout } from './layout.js';
import { yScale } from './scale.js';
import { lineStroke, marker } from './style.js';
import type { NormalSpec } from './validate.js';

/**
 * One polyline per series through the category centres, with a marker on every point.
 * Series differ in colour, dash pattern and marker shape. A single value has no line
 * to draw; its marker shows it. Markers shrink when categories are narrow so they do
 * not merge into a thick band.
 */
export function renderLines(spec: NormalSpec, l: Layout): string {
  const { plot, band } = l;
  const y = yScale(l.scale, plot.top, plot.bottom);
  const r = Math.max(0.4, Math.min(0.9, band * 0.3));
  const out: string[] = [];
  spec.reeksen.forEach((reeks, s) => {
    const points = reeks.waarden.map((v, i) => [plot.left + band * (i + 0.5), y(v)] as const);
    if (points.length > 1) {
      const coords = points.map(([px, py]) => `${n(px)},${n(py)}`).join(' ');
      out.push(
        `<polyline points="${coords}" fill="none" ${lineStroke(s)} stroke-linejoin="round"/>`,
      );
    }
    out.push(`<g>${points.map(([px, py]) => marker(s, px, py, r)).join('')}</g>`);
  });
  return out.join('');
}
