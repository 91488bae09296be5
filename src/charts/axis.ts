import { escapeXml } from './escape.js';
import { n } from './format.js';
import type { Layout } from './layout.js';
import { yScale } from './scale.js';
import { FONT, KLEUR } from './style.js';

/**
 * Gridlines, y tick labels and the y axis: drawn first so the data lie on top.
 * Tick labels are vertically centred on their gridline by hand (0.35 em below it),
 * because dominant-baseline is not honoured the same way by every SVG consumer.
 */
export function renderGrid(l: Layout): string {
  const { plot, scale } = l;
  const y = yScale(scale, plot.top, plot.bottom);
  const lines: string[] = [];
  const labels: string[] = [];
  scale.ticks.forEach((t, i) => {
    lines.push(`<line x1="${n(plot.left)}" y1="${n(y(t))}" x2="${n(plot.right)}" y2="${n(y(t))}"/>`);
    const text = escapeXml(l.tickLabels[i] ?? '');
    labels.push(`<text x="${n(plot.left - 1.5)}" y="${n(y(t) + FONT.as * 0.35)}">${text}</text>`);
  });
  return (
    `<g stroke="${KLEUR.raster}" stroke-width="0.15">${lines.join('')}</g>` +
    `<line x1="${n(plot.left)}" y1="${n(plot.top)}" x2="${n(plot.left)}" y2="${n(plot.bottom)}" stroke="${KLEUR.grijs}" stroke-width="0.2"/>` +
    `<g font-size="${n(FONT.as)}" text-anchor="end" fill="${KLEUR.tekst}">${labels.join('')}</g>`
  );
}

/**
 * The baseline: at zero when zero is on the scale (bars grow from it, negative bars
 * hang below it), otherwise a grey line along the bottom of the plot. Drawn after the data so bar
 * ends are crisp. Line charts get a tick per category, bars need none.
 */
export function renderBaseline(l: Layout, ticks: boolean): string {
  const { plot, scale } = l;
  const zero = scale.min <= 0 && scale.max >= 0;
  const y = zero ? yScale(scale, plot.top, plot.bottom)(0) : plot.bottom;
  // Black is kept for the zero line: an axis that starts at 9 must not look like zero.
  const colour = zero ? KLEUR.tekst : KLEUR.grijs;
  let out = `<line x1="${n(plot.left)}" y1="${n(y)}" x2="${n(plot.right)}" y2="${n(y)}" stroke="${colour}" stroke-width="0.3"/>`;
  if (y !== plot.bottom) {
    out += `<line x1="${n(plot.left)}" y1="${n(plot.bottom)}" x2="${n(plot.right)}" y2="${n(plot.bottom)}" stroke="${KLEUR.grijs}" stroke-width="0.2"/>`;
  }
  if (ticks) {
    const marks = l.xLabels.lines.map((_, i) => {
      const x = n(plot.left + l.band * (i + 0.5));
      return `<line x1="${x}" y1="${n(plot.bottom)}" x2="${x}" y2="${n(plot.bottom + 1)}"/>`;
    });
    out += `<g stroke="${KLEUR.grijs}" stroke-width="0.2">${marks.join('')}</g>`;
  }
  return out;
}

/** Category labels under the plot: centred (one or two lines) or turned 45°. */
export function renderXLabels(l: Layout): string {
  const { plot, band, xLabels } = l;
  const out: string[] = [];
  xLabels.lines.forEach((lines, i) => {
    const cx = plot.left + band * (i + 0.5);
    if (xLabels.rotated) {
      const label = lines[0];
      if (label === undefined) return;
      // Anchored at its end just right of the tick, so the text's middle meets the tick.
      const x = n(cx + FONT.as * 0.3);
      const y = n(xLabels.top + 0.4);
      out.push(`<text x="${x}" y="${y}" transform="rotate(-45 ${x} ${y})" text-anchor="end">${escapeXml(label)}</text>`);
      return;
    }
    lines.forEach((line, k) => {
      const y = xLabels.top + FONT.as * 0.8 + k * FONT.as * 1.2;
      out.push(`<text x="${n(cx)}" y="${n(y)}">${escapeXml(line)}</text>`);
    });
  });
  const anchor = xLabels.rotated ? '' : ' text-anchor="middle"';
  return `<g font-size="${n(FONT.as)}"${anchor} fill="${KLEUR.tekst}">${out.join('')}</g>`;
}
