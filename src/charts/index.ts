/** Deterministic SVG bar and line charts with a Dutch text alternative. */
export { renderChart } from './render-chart.js';
export { niceTicks, type NiceScale } from './scale.js';
export type { ChartSeries, ChartSpec, ChartValue, RenderChartOptions, RenderedChart } from './types.js';
