const grouped = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 20 });

/**
 * Writes a number the Dutch way: 90.000; 9,1; 1.300.000. With `decimalen` the
 * fraction is rounded to that many digits (9,10 with 2).
 */
export function formatGetal(value: number, decimalen?: number): string {
  if (decimalen === undefined) return grouped.format(value);
  return new Intl.NumberFormat('nl-NL', {
    minimumFractionDigits: decimalen,
    maximumFractionDigits: decimalen,
  }).format(value);
}

/** Accepts numbers and numeric strings as CSV cells give them ("90000", "9.1"). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return undefined;
}
