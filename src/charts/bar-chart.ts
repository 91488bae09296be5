import { n } from './format.js';
import type { Layout } from './layout.js';
import { yScale } from './scale.js';
import { barFill, seriesStyle } from './style.js';
import type { NormalSpec } from './validate.js';

/** A single bar wider than this looks like a block, not a bar. */
const MAX_BAR = 14;
/** White space between the bars of one group, so patterns do not run together. */
const GAP = 0.3;

/**
 * Grouped bars: per category one bar per series, side by side, in series order. Bars
 * start at zero and extend up for positive values and down for negative ones; a zero
 * value draws nothing (the text alternative still reports it).
 */
export function renderBars(spec: NormalSpec, l: Layout, prefix: string): string {
  const { plot, band } = l;
  const k = spec.reeksen.length;
  const y = yScale(l.scale, plot.top, plot.bottom);
  const y0 = y(0);
  const group = band * (k === 1 ? 0.6 : 0.8);
  const gap = group / k > 1.5 ? GAP : 0;
  const bar = Math.min(MAX_BAR, (group - gap * (k - 1)) / k);
  const used = bar * k + gap * (k - 1);

  const out: string[] = [];
  spec.reeksen.forEach((reeks, s) => {
    const style = seriesStyle(s);
    // The outline separates adjacent bars and gives pale fills enough contrast with white.
    const rects = reeks.waarden.map((v, i) => {
      if (v === 0) return '';
      const x = plot.left + band * i + (band - used) / 2 + s * (bar + gap);
      const top = Math.min(y(v), y0);
      const h = Math.abs(y(v) - y0);
      return `<rect x="${n(x)}" y="${n(top)}" width="${n(bar)}" height="${n(h)}"/>`;
    });
    out.push(`<g fill="${barFill(prefix, s)}" stroke="${style.rand}" stroke-width="0.2">${rects.join('')}</g>`);
  });
  return out.join('');
}
