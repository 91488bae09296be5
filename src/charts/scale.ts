/**
 * "Nice" y-axis ticks: steps of 1, 2, 2.5 or 5 times a power of ten, so a reader can
 * interpolate between gridlines. Tick values are computed from an integer mantissa and
 * a power of ten instead of by repeated addition, so 0.1 + 0.2 noise never reaches a
 * label or a coordinate.
 */
export interface NiceScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
  /** Fraction digits every tick label needs (2.5 needs one). */
  decimals: number;
}

/**
 * Candidate mantissas with the upper bound of the raw fractions each one takes: mostly
 * the geometric midpoint to the next, so a raw step is rounded to the nearest nice one
 * on a log scale and the tick count stays near the target. 2.5 gives way to 5 early
 * (at √10, where d3 also switches to 5): a busy axis is worse than a sparse one.
 */
const MANTISSAS: [number, number][] = [
  [1, Math.SQRT2],
  [2, Math.sqrt(5)],
  [2.5, Math.sqrt(10)],
  [5, Math.sqrt(50)],
  [10, Infinity],
];

/** value = k × mantissa × 10^exponent, exactly as decimal arithmetic would give it. */
function tickValue(k: number, mantissa: number, exponent: number): number {
  return exponent >= 0 ? k * mantissa * 10 ** exponent : (k * mantissa) / 10 ** -exponent;
}

/** The nice step nearest to raw, as an integer mantissa and an exponent. */
export function niceStep(raw: number, integer = false): { mantissa: number; exponent: number } {
  let exponent = Math.floor(Math.log10(raw));
  let fraction = raw / 10 ** exponent;
  // log10 can be off by one ulp around exact powers of ten.
  if (fraction < 1) {
    exponent -= 1;
    fraction = raw / 10 ** exponent;
  } else if (fraction >= 10) {
    exponent += 1;
    fraction = raw / 10 ** exponent;
  }
  const m = MANTISSAS.find(([, upTo]) => fraction < upTo)?.[0] ?? 10;
  if (m === 10) return { mantissa: 1, exponent: exponent + 1 };
  // 2.5 is not a whole number; counts skip to 5 instead.
  if (m === 2.5 && integer && exponent === 0) return { mantissa: 5, exponent };
  if (m === 2.5) return { mantissa: 25, exponent: exponent - 1 };
  return { mantissa: m, exponent };
}

/** The multiples of step just outside [lo, hi]. */
function outerTicks(lo: number, hi: number, step: number): { kMin: number; kMax: number } {
  // The epsilon forgives binary noise in the data (0.30000000000000004 is on the 0.3 tick).
  const kMin = Math.floor(lo / step + 1e-9);
  return { kMin, kMax: Math.max(kMin + 1, Math.ceil(hi / step - 1e-9)) };
}

/** The next larger nice step: 1 → 2 → 2.5 → 5 → 10. */
function nextStep(mantissa: number, exponent: number, integer: boolean): { mantissa: number; exponent: number } {
  if (mantissa === 1) return { mantissa: 2, exponent };
  if (mantissa === 2) return integer && exponent === 0 ? { mantissa: 5, exponent } : { mantissa: 25, exponent: exponent - 1 };
  if (mantissa === 25) return { mantissa: 5, exponent: exponent + 1 };
  return { mantissa: 1, exponent: exponent + 1 };
}

/**
 * Ticks covering [lo, hi] with about `target` intervals. `integer` keeps the step at
 * 1 or more for data that are counts: half a report on an axis reads as an error.
 */
export function niceTicks(lo: number, hi: number, target: number, integer = false): NiceScale {
  if (lo > hi) [lo, hi] = [hi, lo];
  if (lo === hi) {
    // A flat series still needs a range; anchor it at zero, which is honest for one value.
    if (lo === 0) hi = 1;
    else if (lo > 0) lo = 0;
    else hi = 0;
  }
  // A floor on the span keeps absurdly tiny ranges (1e-300) from producing 10^-300 steps.
  const span = Math.max(hi - lo, Math.max(Math.abs(lo), Math.abs(hi)) * 1e-9, 1e-9);
  const raw = Math.max(span / Math.max(1, Math.floor(target)), integer ? 1 : 0);
  let { mantissa, exponent } = niceStep(raw, integer);
  // Rounding the ends outwards can add intervals; more than one over target is too busy.
  let ends = outerTicks(lo, hi, tickValue(1, mantissa, exponent));
  while (ends.kMax - ends.kMin > Math.max(2, target + 1)) {
    ({ mantissa, exponent } = nextStep(mantissa, exponent, integer));
    ends = outerTicks(lo, hi, tickValue(1, mantissa, exponent));
  }
  const { kMin, kMax } = ends;
  const ticks: number[] = [];
  for (let k = kMin; k <= kMax; k++) ticks.push(tickValue(k, mantissa, exponent) + 0);
  const step = tickValue(1, mantissa, exponent);
  return {
    min: ticks[0] ?? lo,
    max: ticks[ticks.length - 1] ?? hi,
    step,
    ticks,
    decimals: Math.max(0, -exponent),
  };
}

/** Maps a value in the scale's domain to a y coordinate (top < bottom in SVG). */
export function yScale(scale: NiceScale, top: number, bottom: number): (v: number) => number {
  const h = bottom - top;
  return (v) => bottom - ((v - scale.min) / (scale.max - scale.min)) * h;
}
