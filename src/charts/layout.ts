import { formatGetal } from './format.js';
import { niceTicks, type NiceScale } from './scale.js';
import { FONT } from './style.js';
import { textWidth, truncate, wrap } from './text-metrics.js';
import type { NormalSpec } from './validate.js';

/**
 * Where everything goes, in mm from the top left. Computed before any SVG is written
 * because the parts depend on each other: the tick labels decide the left margin, the
 * margin decides the category width, and that decides whether x labels fit, wrap or
 * have to be turned 45°, which in turn takes height from the plot.
 */
export interface Layout {
  width: number;
  height: number;
  title: { lines: string[]; baselines: number[] };
  legend: { x: number; y: number; naam: string; series: number }[];
  unit: { text: string; baseline: number } | undefined;
  plot: { left: number; top: number; right: number; bottom: number };
  scale: NiceScale;
  tickLabels: string[];
  /** Width of one category on the x axis. */
  band: number;
  xLabels: { rotated: boolean; lines: string[][]; top: number };
  bron: { lines: string[]; baselines: number[] } | undefined;
}

const PAD = 0.5;
const SIN45 = Math.SQRT1_2;
/** Space from the axis to the first x label line: a 1 mm tick and a gap. */
const X_GAP = 1.6;
/** The smallest plot height in mm that still shows data. */
const MIN_PLOT = 10;
export const SWATCH = { staaf: 3, lijn: 7 } as const;

export function computeLayout(spec: NormalSpec): Layout {
  const first = layoutWith(spec, undefined);
  // Turned x labels take height from the plot, which may then want fewer gridlines.
  const target = tickTarget(first.layout.plot.bottom - first.layout.plot.top);
  const layout = target === first.target ? first.layout : layoutWith(spec, target).layout;
  // Better a clear error than a chart whose data are squeezed into a sliver.
  const plotHeight = layout.plot.bottom - layout.plot.top;
  if (plotHeight < MIN_PLOT) {
    throw new Error(
      `Chart "${spec.titel}" is too small: at ${spec.breedte} x ${spec.hoogte} mm the title, legend, labels and source ` +
        `leave ${Math.max(0, Math.round(plotHeight))} mm for the plot (at least ${MIN_PLOT} needed); make hoogte larger`,
    );
  }
  return layout;
}

/** About 9 mm between gridlines, 2 to 6 intervals. */
function tickTarget(plotHeight: number): number {
  return Math.max(2, Math.min(6, Math.floor(plotHeight / 9)));
}

function layoutWith(spec: NormalSpec, fixedTarget: number | undefined): { layout: Layout; target: number } {
  const { breedte: width, hoogte: height } = spec;
  const inner = width - 2 * PAD;

  const titleLines = wrap(spec.titel, inner, FONT.titel, 2, true).lines;
  const titleLh = FONT.titel * 1.25;
  const titleBaselines = titleLines.map((_, k) => PAD + FONT.titel * 0.8 + k * titleLh);
  let y = PAD + titleLines.length * titleLh + 1;

  const legend: Layout['legend'] = [];
  if (spec.reeksen.length > 1) {
    const swatch = SWATCH[spec.soort] + 1.2;
    const rowH = FONT.legenda * 1.5;
    let x = PAD;
    let row = 0;
    for (const [i, r] of spec.reeksen.entries()) {
      const naam = truncate(r.naam, inner - swatch, FONT.legenda);
      const w = swatch + textWidth(naam, FONT.legenda);
      if (x > PAD && x + w > width - PAD) {
        row++;
        x = PAD;
      }
      legend.push({ x, y: y + row * rowH + rowH / 2, naam, series: i });
      x += w + 4;
    }
    y += (row + 1) * rowH + 0.6;
  }

  let unit: Layout['unit'];
  if (spec.eenheid) {
    unit = { text: truncate(spec.eenheid, inner, FONT.as), baseline: y + FONT.as * 0.8 };
    y += FONT.as * 1.2;
  }
  // Half a tick label sticks out above the top gridline.
  const plotTop = y + FONT.as * 0.5 + 0.3;

  let bron: Layout['bron'];
  let bottom = height - PAD;
  if (spec.bron) {
    const lines = wrap(`Bron: ${spec.bron}`, inner, FONT.bron, 2).lines;
    const lh = FONT.bron * 1.25;
    bron = { lines, baselines: lines.map((_, k) => height - PAD - FONT.bron * 0.25 - (lines.length - 1 - k) * lh) };
    bottom -= lines.length * lh + 1.2;
  }

  const oneLine = X_GAP + FONT.as * 1.2;
  const target = fixedTarget ?? tickTarget(bottom - oneLine - plotTop);
  const all = spec.reeksen.flatMap((r) => r.waarden);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  // Bars are read by their length, so their axis must start at zero.
  if (spec.soort === 'staaf') [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  const scale = niceTicks(lo, hi, target, all.every(Number.isInteger));
  const tickLabels = scale.ticks.map((t) => formatGetal(t, scale.decimals));
  const labelW = Math.max(...tickLabels.map((t) => textWidth(t, FONT.as)));
  // A huge number must not squeeze the plot to nothing; its label is clipped instead.
  const left = PAD + Math.min(labelW + 1.5, width * 0.35);
  const right = width - PAD - 0.5;
  const band = (right - left) / spec.labels.length;

  const xLabels = fitXLabels(spec.labels, left, band, bottom - plotTop);
  const xHeight = xLabels.rotated ? xLabels.extent + X_GAP + 0.5 : X_GAP + FONT.as * 1.2 * Math.max(1, ...xLabels.lines.map((l) => l.length));
  const plotBottom = bottom - xHeight;
  const layout: Layout = {
    width,
    height,
    title: { lines: titleLines, baselines: titleBaselines },
    legend,
    unit,
    plot: { left, top: plotTop, right, bottom: plotBottom },
    scale,
    tickLabels,
    band,
    xLabels: { rotated: xLabels.rotated, lines: xLabels.lines, top: plotBottom + X_GAP },
    bron,
  };
  return { layout, target };
}

/**
 * Horizontal on one line if every label fits its category, else on two lines if that
 * fits without cutting words, else (in a wide category) on up to three lines with an
 * ellipsis, else turned 45° and cut with an ellipsis. Turned labels
 * closer together than a line height are thinned out (every k-th is shown; the text
 * alternative still lists all values).
 */
function fitXLabels(labels: string[], left: number, band: number, available: number) {
  const room = band - 0.8;
  if (labels.every((l) => textWidth(l, FONT.as) <= room)) return { rotated: false, lines: labels.map((l) => [l]), extent: 0 };
  const wrapped = labels.map((l) => wrap(l, room, FONT.as, 2));
  if (wrapped.every((w) => w.exact)) return { rotated: false, lines: wrapped.map((w) => w.lines), extent: 0 };
  // Wide categories read better with three shortened lines than with turned text.
  if (room >= 12) return { rotated: false, lines: labels.map((l) => wrap(l, room, FONT.as, 3).lines), extent: 0 };

  const maxLen = Math.max(4, Math.min(24, (available * 0.3) / SIN45));
  const every = Math.max(1, Math.ceil((FONT.as * 1.1) / (band * SIN45)));
  const lines = labels.map((l, i) => {
    if (i % every !== 0) return [];
    // The first labels reach left past the y axis; they may not leave the drawing.
    const toEdge = (left + band * (i + 0.5) + FONT.as * 0.3 - PAD) / SIN45;
    const cut = truncate(l, Math.min(maxLen, toEdge), FONT.as);
    return cut === '' ? [] : [cut];
  });
  const longest = Math.max(0, ...lines.map((l) => textWidth(l[0] ?? '', FONT.as)));
  return { rotated: true, lines, extent: longest * SIN45 + FONT.as * 0.8 };
}
