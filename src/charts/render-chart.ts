import { renderBaseline, renderGrid, renderXLabels } from './axis.js';
import { renderBars } from './bar-chart.js';
import { escapeXml } from './escape.js';
import { n } from './format.js';
import { computeLayout } from './layout.js';
import { renderLegend } from './legend.js';
import { renderLines } from './line-chart.js';
import { FONT, FONT_FAMILY, KLEUR, patternDefs } from './style.js';
import { textAlternative } from './text-alternative.js';
import type { ChartSpec, RenderChartOptions, RenderedChart } from './types.js';
import { normalizeSpec, type NormalSpec } from './validate.js';

/**
 * Renders a bar or line chart to a standalone SVG plus its Dutch text alternative.
 * Pure and deterministic: the same spec gives the same bytes on every machine (no
 * random ids, no clock, coordinates rounded to 1/100 mm, numbers only in nl-NL), so
 * output can be snapshot-tested and a rebuilt PDF only changes when the data did.
 * Throws an Error naming the problem for a spec it cannot draw.
 */
export function renderChart(spec: ChartSpec, opties: RenderChartOptions = {}): RenderedChart {
  const s = normalizeSpec(spec);
  const prefix = opties.idPrefix ?? defaultId(s);
  if (!/^[A-Za-z][\w-]*$/.test(prefix)) throw new Error(`idPrefix must start with a letter and contain only letters, digits, '-' and '_'`);
  const tekstalternatief = textAlternative(s);
  const l = computeLayout(s);

  const title = l.title.lines
    .map((line, k) => `<text x="0.5" y="${n(l.title.baselines[k] ?? 0)}">${escapeXml(line)}</text>`)
    .join('');
  const unit = l.unit ? `<text x="0.5" y="${n(l.unit.baseline)}" font-size="${n(FONT.as)}" fill="${KLEUR.grijs}">${escapeXml(l.unit.text)}</text>` : '';
  const bron = l.bron
    ? `<g font-size="${n(FONT.bron)}" fill="${KLEUR.grijs}">${l.bron.lines
        .map((line, k) => `<text x="0.5" y="${n(l.bron?.baselines[k] ?? 0)}">${escapeXml(line)}</text>`)
        .join('')}</g>`
    : '';
  const data = s.soort === 'staaf' ? renderBars(s, l, prefix) : renderLines(s, l);

  // The accessible name is the whole text alternative (<desc>), not just the <title>:
  // Chromium's tagged PDF takes a figure's /Alt from the name and drops descriptions,
  // so a title-only name would leave PDF readers without the values.

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(l.width)} ${n(l.height)}" ` +
    `width="${n(l.width)}mm" height="${n(l.height)}mm" role="img" ` +
    `aria-labelledby="${prefix}-desc" class="vb-grafiek vb-grafiek-${s.soort}" ` +
    `font-family="${escapeXml(FONT_FAMILY)}">` +
    `<title id="${prefix}-titel">${escapeXml(s.titel)}</title>` +
    `<desc id="${prefix}-desc">${escapeXml(tekstalternatief)}</desc>` +
    patternDefs(prefix, s.soort === 'staaf' && s.reeksen.length > 1 ? s.reeksen.length : 0) +
    `<g font-size="${n(FONT.titel)}" font-weight="700" fill="${KLEUR.tekst}">${title}</g>` +
    renderLegend(l, s.soort, prefix) +
    unit +
    renderGrid(l) +
    data +
    renderBaseline(l, s.soort === 'lijn') +
    renderXLabels(l) +
    bron +
    `</svg>`;
  return { svg, tekstalternatief };
}

/**
 * "grafiek-<slug of the title>-<hash of the spec>": readable in the HTML, and stable
 * across builds. Two different charts with the same title still get different ids;
 * only the very same spec twice shares one (pass idPrefix for that case).
 */
function defaultId(s: NormalSpec): string {
  const slug = s.titel
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // At most 32 characters, cut between words where possible.
  const short = slug.length <= 32 ? slug : (/^(.{8,32})-/.exec(slug.slice(0, 33))?.[1] ?? slug.slice(0, 32));
  const hash = fnv1a(JSON.stringify([s.soort, s.titel, s.eenheid, s.bron, s.breedte, s.hoogte, s.labels, s.reeksen]));
  return `grafiek-${short ? `${short}-` : ''}${hash}`;
}

/** 32-bit FNV-1a: tiny, dependency-free and the same on every platform. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
