/**
 * Dutch notation without Intl. The first Intl formatter of a process costs 15–30 ms
 * (ICU loads its locale data), on the critical path of every cold check; these give
 * what Intl.NumberFormat('nl-NL', { minimumFractionDigits, maximumFractionDigits,
 * signDisplay: 'negative' }) and Intl.DateTimeFormat('nl-NL', { day: 'numeric',
 * month: 'long' }) give, which test/unit/dutch-notation.test.ts checks against Intl.
 */

export const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'] as const;

/** "19 november", for month 1–12. */
export function dagEnMaand(dag: number, maand: number): string {
  return `${dag} ${MAANDEN[maand - 1] ?? ''}`;
}

/**
 * A finite number with a comma for the decimal point and a dot between groups of
 * three digits (1.300.000; 9,1), rounded half away from zero to at most `maxFraction`
 * digits and padded to `minFraction`. A value that rounds to zero has no minus sign.
 *
 * Like ICU, it rounds the shortest decimal that reads back as the same double (what
 * String(x) shows), not the double's exact binary value: 1.005 to two digits is 1,01.
 */
export function dutchNumber(value: number, minFraction: number, maxFraction: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`dutchNumber: ${String(value)} is not a finite number`);
  // "d.ddde±x": the shortest round-tripping digits, read here as 0.digits × 10^point.
  const [mantissa = '0', exp = '0'] = Math.abs(value).toExponential().split('e');
  let digits = mantissa.replace('.', '');
  let point = Number(exp) + 1;
  // Digits kept: those before the point and maxFraction after it.
  const keep = point + maxFraction;
  if (keep < digits.length) {
    const roundUp = keep >= 0 && (digits[keep] ?? '0') >= '5';
    const kept = keep > 0 ? digits.slice(0, keep) : '';
    if (roundUp) {
      // One more in the last kept place; 0.99 × 10^p becomes 0.100 × 10^(p+1).
      digits = increment(kept);
      if (digits.length > kept.length) point++;
    } else if (kept) {
      digits = kept;
    } else {
      digits = '0';
      point = 1;
    }
  }
  let integer: string;
  let fraction: string;
  if (point <= 0) {
    integer = '0';
    fraction = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    integer = digits + '0'.repeat(point - digits.length);
    fraction = '';
  } else {
    integer = digits.slice(0, point);
    fraction = digits.slice(point);
  }
  fraction = fraction.replace(/0+$/, '').padEnd(minFraction, '0');
  integer = integer.replace(/^0+(?=\d)/, '');
  const zero = /^0*$/.test(integer + fraction);
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, '.');
  return `${value < 0 && !zero ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** The decimal digit string plus one in its last place ("0999" → "1000", "99" → "100"). */
function increment(digits: string): string {
  if (!digits) return '1';
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}
