import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBedrag } from '../../src/format/format-bedrag.js';
import { formatBereik } from '../../src/format/format-bereik.js';
import { formatGetal } from '../../src/format/format-getal.js';
import { formatGroot, grootGetal } from '../../src/format/format-groot.js';
import { formatPercentage } from '../../src/format/format-percentage.js';

/** Reads back "1,3 miljoen", "€ 1.250", "90.000"; NaN for anything else. */
function lees(text: string): number {
  const m = /^(?:€ )?(-?\d{1,3}(?:\.\d{3})*(?:,\d+)?)(?: (miljoen|miljard))?(?: euro)?$/.exec(text);
  if (!m?.[1]) return Number.NaN;
  const n = Number(m[1].replace(/\./g, '').replace(',', '.'));
  return n * (m[2] === 'miljard' ? 1e9 : m[2] === 'miljoen' ? 1e6 : 1);
}

/** Every number in a Dutch text: digits grouped by ".", decimals after ",". */
const DUTCH_NUMBER = /^-?\d{1,3}(\.\d{3})*(,\d+)?$/;
const numbersIn = (text: string): string[] => text.match(/-?\d[\d.,]*/g) ?? [];

const finite = fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true });
const decimalen = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined });

describe('formatPercentage', () => {
  it('writes percentages as the seeds do', () => {
    expect(formatPercentage(9.1)).toBe('9,1%');
    expect(formatPercentage(3.3)).toBe('3,3%');
    expect(formatPercentage(75)).toBe('75%');
    expect(formatPercentage(12.345, 1)).toBe('12,3%');
    expect(formatPercentage(79, 1)).toBe('79,0%');
  });
});

describe('formatGroot', () => {
  it('writes large numbers in words, rounded to one decimal at most', () => {
    expect(formatGroot(1_300_000)).toBe('1,3 miljoen');
    expect(formatGroot(2_000_000)).toBe('2 miljoen');
    expect(formatGroot(20_000_000)).toBe('20 miljoen');
    expect(formatGroot(118_000_000)).toBe('118 miljoen');
    expect(formatGroot(1_500_000_000)).toBe('1,5 miljard');
    expect(formatGroot(12_345_678)).toBe('12,3 miljoen');
    expect(formatGroot(1_040_000)).toBe('1 miljoen');
    expect(formatGroot(-1_300_000)).toBe('-1,3 miljoen');
  });

  it('rounds half away from zero', () => {
    expect(formatGroot(1_250_000)).toBe('1,3 miljoen');
    expect(formatGroot(1_350_000)).toBe('1,4 miljoen');
    expect(formatGroot(-1_250_000)).toBe('-1,3 miljoen');
  });

  it('leaves numbers below one million to formatGetal', () => {
    expect(formatGroot(850_000)).toBe('850.000');
    expect(formatGroot(999_999)).toBe('999.999');
    expect(formatGroot(127_000)).toBe('127.000');
    expect(formatGroot(1_000_000)).toBe('1 miljoen');
  });

  it('moves to miljard when the millions round to 1.000, and has no biljoen', () => {
    expect(formatGroot(999_949_999)).toBe('999,9 miljoen');
    expect(formatGroot(999_950_000)).toBe('1 miljard');
    expect(formatGroot(1_200_000_000_000)).toBe('1.200 miljard');
  });

  it('round-trips within the rounding: half a tenth of its unit', () => {
    fc.assert(
      fc.property(finite, (n) => {
        const text = formatGroot(n);
        const { eenheid, getal } = grootGetal(n);
        const unit = eenheid === 'miljard' ? 1e9 : eenheid === 'miljoen' ? 1e6 : 0;
        expect(Math.abs(lees(text) - n)).toBeLessThanOrEqual(0.05 * unit + 1e-9 * Math.max(1, Math.abs(n)));
        expect(eenheid === undefined).toBe(Math.abs(n) < 1e6);
        if (eenheid) expect(getal).toMatch(/^-?\d{1,3}(\.\d{3})*(,\d)?$/);
      }),
    );
  });

  it('is monotone: a larger number never reads smaller', () => {
    fc.assert(
      fc.property(finite, finite, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(lees(formatGroot(lo))).toBeLessThanOrEqual(lees(formatGroot(hi)));
      }),
    );
  });
});

describe('formatBedrag', () => {
  it('writes euros with cents only when not whole', () => {
    expect(formatBedrag(118_000_000, { groot: true })).toBe('€ 118 miljoen');
    expect(formatBedrag(1250)).toBe('€ 1.250');
    expect(formatBedrag(12.5)).toBe('€ 12,50');
    expect(formatBedrag(0.1 + 0.2)).toBe('€ 0,30');
    expect(formatBedrag(12.001)).toBe('€ 12');
    expect(formatBedrag(-12.5)).toBe('€ -12,50');
    expect(formatBedrag(118_000_000)).toBe('€ 118.000.000');
  });

  it('writes small amounts in full even when groot', () => {
    expect(formatBedrag(850_000, { groot: true })).toBe('€ 850.000');
    expect(formatBedrag(12.5, { groot: true })).toBe('€ 12,50');
  });

  it('can write the currency as a word, as in "20 miljoen euro"', () => {
    expect(formatBedrag(20_000_000, { groot: true, valuta: 'woord' })).toBe('20 miljoen euro');
    expect(formatBedrag(1250, { valuta: 'woord' })).toBe('1.250 euro');
  });

  it('never writes ",00" and keeps two decimals otherwise', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
        const text = formatBedrag(n);
        expect(text).toMatch(/^€ -?\d{1,3}(\.\d{3})*(,\d\d)?$/);
        expect(text).not.toMatch(/,00$/);
        expect(Math.abs(lees(text) - n)).toBeLessThanOrEqual(0.005 + 1e-9 * Math.abs(n));
      }),
    );
  });
});

describe('formatBereik', () => {
  it('writes a range as in seed 001', () => {
    expect(formatBereik(90_000, 127_000)).toBe('tussen de 90.000 en 127.000');
    expect(formatBereik(9.14, 12.5, { decimalen: 1 })).toBe('tussen de 9,1 en 12,5');
  });

  it('puts the smaller bound first', () => {
    expect(formatBereik(127_000, 90_000)).toBe('tussen de 90.000 en 127.000');
  });

  it('shares the unit of large bounds in the same unit only', () => {
    expect(formatBereik(1_200_000, 1_400_000, { groot: true })).toBe('tussen de 1,2 en 1,4 miljoen');
    expect(formatBereik(1_400_000, 1_200_000, { groot: true })).toBe('tussen de 1,2 en 1,4 miljoen');
    expect(formatBereik(850_000, 1_200_000, { groot: true })).toBe('tussen de 850.000 en 1,2 miljoen');
    expect(formatBereik(900_000_000, 1_100_000_000, { groot: true })).toBe('tussen de 900 miljoen en 1,1 miljard');
    expect(formatBereik(90_000, 127_000, { groot: true })).toBe('tussen de 90.000 en 127.000');
  });

  it('keeps equal bounds as a range', () => {
    expect(formatBereik(5, 5)).toBe('tussen de 5 en 5');
  });

  it('orders its bounds, whatever the order of the arguments', () => {
    fc.assert(
      fc.property(finite, finite, fc.boolean(), (a, b, groot) => {
        expect(formatBereik(a, b, { groot })).toBe(formatBereik(b, a, { groot }));
        const m = /^tussen de (.+) en (.+)$/.exec(formatBereik(a, b));
        expect(lees(m?.[1] ?? '')).toBeLessThanOrEqual(lees(m?.[2] ?? ''));
      }),
    );
  });
});

describe('all number formatters', () => {
  const formatters: [string, (n: number, d: number | undefined) => string][] = [
    ['formatGetal', (n, d) => formatGetal(n, d)],
    ['formatPercentage', (n, d) => formatPercentage(n, d)],
    ['formatGroot', (n) => formatGroot(n)],
    ['formatBedrag', (n) => formatBedrag(n)],
    ['formatBedrag groot', (n) => formatBedrag(n, { groot: true })],
    ['formatBereik', (n, d) => formatBereik(n, n / 3, { decimalen: d })],
    ['formatBereik groot', (n) => formatBereik(n, n * 7, { groot: true })],
  ];

  it.each(formatters)('%s never uses "." as decimal separator and groups thousands by "."', (_, format) => {
    fc.assert(
      fc.property(finite, decimalen, (n, d) => {
        const text = format(n, d);
        expect(text).not.toMatch(/NaN|Infinity|e[+-]\d/);
        const numbers = numbersIn(text);
        expect(numbers.length).toBeGreaterThan(0);
        for (const number of numbers) {
          expect(number).toMatch(DUTCH_NUMBER);
          expect(number, 'a minus sign on zero').not.toMatch(/^-0(,0+)?$/);
        }
      }),
    );
  });

  it.each(formatters)('%s refuses NaN and Infinity rather than printing them', (_, format) => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => format(bad, undefined)).toThrow(RangeError);
    }
  });

  it('writes no minus sign for a value that rounds to zero', () => {
    expect(formatGetal(-0)).toBe('0');
    expect(formatGetal(-0.04, 1)).toBe('0,0');
    expect(formatBedrag(-0.001)).toBe('€ 0');
  });
});
