import type Handlebars from 'handlebars';
import { renderChart } from '../../charts/render-chart.js';
import { formatBedrag } from '../../format/format-bedrag.js';
import { formatDatum } from '../../format/format-datum.js';
import { formatGetal } from '../../format/format-getal.js';
import { formatPercentage } from '../../format/format-percentage.js';
import { escapeMarkdown } from '../../records/markdown-text.js';
import type { Reeks } from '../../records/register-schema.js';
import { seriesValues, type SeriesPoint } from '../../records/series-values.js';
import { CHART_PREFIX } from '../../model/asset-map.js';
import { helperError, helperPosition, type HelperContext } from '../helper-context.js';
import { citeInNote } from './register-helpers.js';

type HelperOptions = Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } };

/** A value in the series' own unit: 9,1%; € 118 miljoen; 90.000. */
export function formatInUnit(waarde: number, eenheid: string): string {
  if (eenheid === '%' || eenheid === 'procent') return formatPercentage(waarde);
  if (eenheid === 'euro' || eenheid === '€') return formatBedrag(waarde, { groot: true });
  return formatGetal(waarde);
}

/**
 * Statistics from data/reeksen.yaml in the text: {{reeks "id" "2023"}} writes one
 * value, {{reekstabel "id"}} a table, {{grafiek "id"}} a chart with its text
 * alternative. The first use of a series in the document adds its source footnote.
 */
export function registerSeriesHelpers(hb: typeof Handlebars, ctx: HelperContext): void {
  const used = new Set<string>();
  const lookup = (id: unknown, options: HelperOptions): { reeks: Reeks; points: SeriesPoint[] } => {
    const reeks = ctx.register.reeksen.find((r) => r.id === id);
    if (!reeks) {
      const known = ctx.register.reeksen.map((r) => r.id);
      throw helperError(ctx, options, `unknown series "${String(id)}"`, known.length ? `the series in data/reeksen.yaml are: ${known.join(', ')}` : 'add the series to data/reeksen.yaml');
    }
    // Where the series is written, only for a mistake: a position parses its YAML again.
    return { reeks, points: seriesValues(reeks, ctx.data, () => ctx.register.positionOf(reeks.id) ?? helperPosition(ctx, options)) };
  };
  const sourceNote = (reeks: Reeks): string => {
    if (used.has(reeks.id)) return '';
    used.add(reeks.id);
    const bron = reeks.bron ? ctx.register.bronnen.find((b) => b.id === reeks.bron) : undefined;
    return bron ? citeInNote(ctx, bron) : '';
  };

  hb.registerHelper('reeks', function (this: unknown, ...all: unknown[]) {
    const options = all.pop() as HelperOptions;
    const [id, label] = all;
    const { reeks, points } = lookup(id, options);
    const point = points.find((p) => p.label === String(label));
    if (!point) {
      throw helperError(ctx, options, `series "${reeks.id}" has no value for "${String(label)}"`, `its labels are: ${points.map((p) => p.label).join(', ')}`);
    }
    return new hb.SafeString(hb.Utils.escapeExpression(formatInUnit(point.waarde, reeks.eenheid)) + sourceNote(reeks));
  });

  hb.registerHelper('reekstabel', function (this: unknown, ...all: unknown[]) {
    const options = all.pop() as HelperOptions;
    const [id] = all;
    const { reeks, points } = lookup(id, options);
    const kop = options.hash?.kop ? String(options.hash.kop) : 'Jaar';
    const peil = reeks.peildatum ? `, peildatum ${formatDatum(reeks.peildatum)}` : '';
    const caption = `**${escapeMarkdown(reeks.titel)}** (${escapeMarkdown(reeks.eenheid)}${peil})${sourceNote(reeks)}`;
    const rows = points.map((p) => `| ${escapeMarkdown(p.label)} | ${formatInUnit(p.waarde, reeks.eenheid)} |`);
    return new hb.SafeString([caption, '', `| ${escapeMarkdown(kop)} | ${escapeMarkdown(reeks.titel)} |`, '|---|---:|', ...rows].join('\n'));
  });

  hb.registerHelper('grafiek', function (this: unknown, ...all: unknown[]) {
    const options = all.pop() as HelperOptions;
    const ids = all.map(String);
    if (!ids.length) throw helperError(ctx, options, 'grafiek needs the id of at least one series', 'write {{grafiek "meldingen-veilig-thuis"}}');
    const series = ids.map((id) => lookup(id, options));
    const first = series[0]!.reeks;
    const soort = options.hash?.soort === 'lijn' ? 'lijn' : 'staaf';
    let chart;
    try {
      chart = renderChart({
        soort,
        titel: options.hash?.titel ? String(options.hash.titel) : first.titel,
        eenheid: first.eenheid,
        reeksen: series.map((s) => ({ naam: s.reeks.titel, waarden: s.points })),
      });
    } catch (err) {
      throw helperError(ctx, options, `grafiek: ${(err as Error).message}`, 'the series of one chart need the same labels, and at most four series fit');
    }
    const url = ctx.assets.addContent(`${CHART_PREFIX.slice('assets/'.length)}${ids.join('-')}-${soort}.svg`, chart.svg);
    // The source goes under the chart as "Bron: CBS." with its citation as footnote,
    // since a footnote call cannot sit inside the SVG.
    const bronnen = [...new Set(series.flatMap((s) => (s.reeks.bron ? [bronLabel(ctx, s.reeks.bron)] : [])))];
    const notes = series.map((s) => sourceNote(s.reeks)).join('');
    const img = `<figure><img src="${url}" alt="${hb.Utils.escapeExpression(chart.tekstalternatief)}"></figure>`;
    const caption = bronnen.length ? `\n\n*Bron: ${escapeMarkdown(bronnen.join(', '))}.*${notes}` : '';
    return new hb.SafeString(`${img}${caption}\n`);
  });
}

function bronLabel(ctx: HelperContext, id: string): string {
  const bron = ctx.register.bronnen.find((b) => b.id === id) as { organisatie?: string; titel?: string; uitgever?: string } | undefined;
  return bron?.organisatie ?? bron?.uitgever ?? bron?.titel ?? id;
}
