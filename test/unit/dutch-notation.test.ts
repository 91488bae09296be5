import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collate } from '../../src/format/collate.js';
import { dagEnMaand, dutchNumber } from '../../src/format/dutch-notation.js';

// The reference: what the formatters used before they stopped paying for ICU (src/format/dutch-notation.ts).
const intl = (min: number, max: number) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: min, maximumFractionDigits: max, signDisplay: 'negative' });
const fractions = fc.integer({ min: 0, max: 20 }).chain((max) => fc.tuple(fc.integer({ min: 0, max }), fc.constant(max)));

describe('dutchNumber', () => {
  it('writes what Intl writes for nl-NL', () => {
    const cases: [number, number, number][] = [
      [90000, 0, 20], [9.1, 0, 20], [1300000, 0, 20], [9.1, 2, 2], [1.005, 2, 2], [0.125, 0, 2], [-0.004, 0, 2], [-0, 0, 20],
      [999.995, 2, 2], [0.0000001, 0, 20], [1e21, 0, 20], [1.5e300, 0, 1], [5e-324, 0, 20], [0.5, 0, 0], [-2.5, 0, 0], [1234.5, 2, 2],
      [0.1 + 0.2, 0, 20], [0.1 + 0.2, 0, 10], [118e6 / 1e6, 0, 1], [0.95, 0, 1], [9.95, 0, 1], [99.95, 0, 1], [-1e-7, 0, 6],
    ];
    for (const [value, min, max] of cases) expect(dutchNumber(value, min, max), `${value} ${min}–${max}`).toBe(intl(min, max).format(value));
  });

  it('agrees with Intl on any double and any number of decimals', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fractions, (value, [min, max]) => {
        expect(dutchNumber(value, min, max)).toBe(intl(min, max).format(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with Intl on amounts, ratios and halves, where rounding decides', () => {
    const typed = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
      fc.integer({ min: -1e6, max: 1e6 }).map((c) => c / 1000),
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.integer({ min: -99999, max: 99999 }).map((c) => c + 0.5),
      fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
    );
    fc.assert(
      fc.property(typed, fractions, (value, [min, max]) => {
        expect(dutchNumber(value, min, max)).toBe(intl(min, max).format(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses what a letter must never show', () => {
    for (const value of [NaN, Infinity, -Infinity]) expect(() => dutchNumber(value, 0, 2)).toThrow(RangeError);
  });
});

describe('dagEnMaand', () => {
  it('writes every day of a leap year as Intl does', () => {
    const fmt = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', timeZone: 'UTC' });
    for (let d = new Date(Date.UTC(2024, 0, 1)); d.getUTCFullYear() === 2024; d.setUTCDate(d.getUTCDate() + 1)) {
      expect(dagEnMaand(d.getUTCDate(), d.getUTCMonth() + 1)).toBe(fmt.format(d));
    }
  });
});

describe('collate', () => {
  const sign = (n: number) => Math.sign(n);
  it('orders plain strings as Dutch collation does', () => {
    const plain = fc.array(fc.constantFrom(...'az09 -'.split(''), 'b', 'm', '5'), { maxLength: 10 }).map((c) => c.join(''));
    fc.assert(
      fc.property(plain, plain, (a, b) => {
        expect(sign(collate(a, b))).toBe(sign(a.localeCompare(b, 'nl')));
      }),
      { numRuns: 2000 },
    );
  });

  it('falls back to the collator for anything else', () => {
    expect(sign(collate('Zorg', 'arbeid'))).toBe(sign('Zorg'.localeCompare('arbeid', 'nl')));
    expect(sign(collate('één', 'eens'))).toBe(sign('één'.localeCompare('eens', 'nl')));
    expect(collate('2024-11-19', '2024-05-01')).toBeGreaterThan(0);
  });
});
