import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDatum } from '../../src/format/format-datum.js';
import { formatGetal, toNumber } from '../../src/format/format-getal.js';

describe('formatGetal', () => {
  it('writes Dutch notation', () => {
    expect(formatGetal(90000)).toBe('90.000');
    expect(formatGetal(9.1)).toBe('9,1');
    expect(formatGetal(1300000)).toBe('1.300.000');
    expect(formatGetal(9.1, 2)).toBe('9,10');
  });

  it('round-trips every integer through Dutch grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const s = formatGetal(n);
        expect(s).not.toContain(',');
        expect(Number(s.replace(/\./g, '').replace('−', '-'))).toBe(n);
        // Groups of three digits after the first.
        expect(s.replace(/^-/, '')).toMatch(/^\d{1,3}(\.\d{3})*$/);
      }),
    );
  });

  it('never writes a decimal point for a fraction', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 4 }), (n, d) => {
        const s = formatGetal(n, d);
        const [, fraction] = s.split(',');
        expect((fraction ?? '').length).toBe(d);
        expect(s.replace(/^-/, '')).toMatch(/^\d{1,3}(\.\d{3})*(,\d+)?$/);
      }),
    );
  });
});

describe('toNumber', () => {
  it('accepts numbers and numeric strings from CSV, nothing else', () => {
    expect(toNumber('90000')).toBe(90000);
    expect(toNumber(' 9.1 ')).toBe(9.1);
    expect(toNumber('9,1')).toBeUndefined();
    expect(toNumber('veel')).toBeUndefined();
    expect(toNumber(Number.NaN)).toBeUndefined();
  });
});

describe('formatDatum', () => {
  it('writes Dutch dates and refuses impossible ones', () => {
    expect(formatDatum('2024-11-19')).toBe('19 november 2024');
    expect(formatDatum('2025-03-01')).toBe('1 maart 2025');
    expect(formatDatum('2025-02-30')).toBeUndefined();
    expect(formatDatum('19-11-2024')).toBeUndefined();
  });
});
