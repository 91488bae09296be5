/** One data point: an x-axis category and its value. */
export interface ChartValue {
  label: string;
  waarde: number;
}

/** One series; every series of a chart has the same labels in the same order. */
export interface ChartSeries {
  naam: string;
  waarden: ChartValue[];
}

export interface ChartSpec {
  /** Bar or line chart. */
  soort: 'staaf' | 'lijn';
  /** Shown above the chart and used in the text alternative. */
  titel: string;
  /** E.g. 'aantal', '%', 'x 1.000'; shown above the y axis. */
  eenheid?: string;
  /** E.g. 'CBS'; shown under the chart as "Bron: CBS". */
  bron?: string;
  /** 1..4 series sharing their labels. */
  reeksen: ChartSeries[];
  /** Millimetres; default 115, the text column. */
  breedte?: number;
  /** Millimetres; default 60. */
  hoogte?: number;
}

export interface RenderedChart {
  /** A complete, standalone <svg> element. */
  svg: string;
  /** Dutch plain text for screen readers; also the SVG's <desc>. Not escaped. */
  tekstalternatief: string;
}

export interface RenderChartOptions {
  /**
   * Overrides the id prefix derived from the spec. Two identical specs on one page
   * would otherwise share ids; a caller that may render the same chart twice passes
   * something unique here (letters, digits, '-' and '_', starting with a letter).
   */
  idPrefix?: string;
}
