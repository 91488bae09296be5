import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDatum } from '../../src/format/format-datum.js';
import { formatDatumRelatief } from '../../src/format/format-datum-relatief.js';
import { parseIsoDatum } from '../../src/format/iso-datum.js';
import {
  formatVergaderjaar,
  parseVergaderjaar,
  prinsjesdag,
  schrijfVergaderjaar,
  vergaderjaar,
  type VergaderjaarStijl,
} from '../../src/format/vergaderjaar.js';

const DAG = 86_400_000;
/** Day n after 1 January 1900 as YYYY-MM-DD. */
const isoVanDag = (n: number): string => new Date(Date.UTC(1900, 0, 1) + n * DAG).toISOString().slice(0, 10);
/** 1900 … 2199. */
const dag = fc.integer({ min: 0, max: 109_571 });
const startjaar = (iso: string): number => Number(vergaderjaar(iso)?.slice(0, 4));

describe('parseIsoDatum', () => {
  it('reads real dates only', () => {
    expect(parseIsoDatum('2024-02-29')).toEqual({ jaar: 2024, maand: 2, dag: 29 });
    expect(parseIsoDatum('2023-02-29')).toBeUndefined();
    expect(parseIsoDatum('2024-13-01')).toBeUndefined();
    expect(parseIsoDatum('2024-00-10')).toBeUndefined();
    expect(parseIsoDatum('2024-1-10')).toBeUndefined();
    expect(parseIsoDatum('0004-02-29')).toEqual({ jaar: 4, maand: 2, dag: 29 });
  });

  it('agrees with the calendar for every day', () => {
    fc.assert(
      fc.property(dag, (n) => {
        const iso = isoVanDag(n);
        const d = parseIsoDatum(iso);
        expect(d && [d.jaar, d.maand, d.dag].map((x) => String(x).padStart(2, '0')).join('-')).toBe(iso);
      }),
    );
  });
});

describe('formatDatumRelatief', () => {
  const brief = '2024-11-19';

  it('writes "jl." for an earlier date in the letter\'s year, as seed 004', () => {
    expect(formatDatumRelatief('2024-10-16', brief)).toBe('16 oktober jl.');
    expect(formatDatumRelatief('2024-10-23', brief)).toBe('23 oktober jl.');
    expect(formatDatumRelatief('2024-01-01', brief)).toBe('1 januari jl.');
    expect(formatDatumRelatief('2024-11-18', brief)).toBe('18 november jl.');
  });

  it('writes the full date for the letter\'s own date, later dates and other years', () => {
    expect(formatDatumRelatief('2024-11-19', brief)).toBe('19 november 2024');
    expect(formatDatumRelatief('2024-12-01', brief)).toBe('1 december 2024');
    expect(formatDatumRelatief('2023-12-12', brief)).toBe('12 december 2023');
    expect(formatDatumRelatief('2025-03-01', brief)).toBe('1 maart 2025');
  });

  it('refuses dates that do not exist', () => {
    expect(formatDatumRelatief('2024-02-30', brief)).toBeUndefined();
    expect(formatDatumRelatief('2024-10-16', '19 november 2024')).toBeUndefined();
  });

  it('says "jl." exactly for earlier dates of the same year, and otherwise only drops the year', () => {
    fc.assert(
      fc.property(dag, dag, (a, b) => {
        const [iso, briefDatum] = [isoVanDag(a), isoVanDag(b)];
        const text = formatDatumRelatief(iso, briefDatum) ?? '';
        const jl = iso.slice(0, 4) === briefDatum.slice(0, 4) && a < b;
        expect(text.endsWith(' jl.')).toBe(jl);
        expect(jl ? `${text.slice(0, -4)} ${iso.slice(0, 4)}` : text).toBe(formatDatum(iso));
      }),
    );
  });
});

describe('prinsjesdag', () => {
  it('is the third Tuesday of September', () => {
    expect(prinsjesdag(2024)).toBe('2024-09-17');
    expect(prinsjesdag(2025)).toBe('2025-09-16');
    expect(prinsjesdag(2023)).toBe('2023-09-19');
    expect(prinsjesdag(2020)).toBe('2020-09-15');
    expect(prinsjesdag(2026)).toBe('2026-09-15');
    expect(prinsjesdag(2022)).toBe('2022-09-20');
  });

  it('is a Tuesday between 15 and 21 September every year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), (jaar) => {
        const d = new Date(`${prinsjesdag(jaar)}T00:00:00Z`);
        expect(d.getUTCDay()).toBe(2);
        expect(d.getUTCMonth()).toBe(8);
        expect(d.getUTCDate()).toBeGreaterThanOrEqual(15);
        expect(d.getUTCDate()).toBeLessThanOrEqual(21);
      }),
    );
  });
});

describe('vergaderjaar', () => {
  it('gives the parliamentary year of the seeds\' dates', () => {
    expect(vergaderjaar('2024-11-19')).toBe('2024-2025');
    expect(vergaderjaar('2023-06-16')).toBe('2022-2023');
    expect(vergaderjaar('2025-07-10')).toBe('2024-2025');
    expect(vergaderjaar('2024-01-01')).toBe('2023-2024');
  });

  it('changes on Prinsjesdag itself, not the day before', () => {
    expect(vergaderjaar('2024-09-16')).toBe('2023-2024');
    expect(vergaderjaar('2024-09-17')).toBe('2024-2025');
    expect(vergaderjaar('2025-09-15')).toBe('2024-2025');
    expect(vergaderjaar('2025-09-16')).toBe('2025-2026');
  });

  it('is undefined for what is not a date', () => {
    expect(vergaderjaar('2024-09-31')).toBeUndefined();
    expect(vergaderjaar('2024')).toBeUndefined();
  });

  it('is monotone over dates', () => {
    fc.assert(
      fc.property(dag, dag, (a, b) => {
        const [eerder, later] = a <= b ? [a, b] : [b, a];
        expect(startjaar(isoVanDag(eerder))).toBeLessThanOrEqual(startjaar(isoVanDag(later)));
      }),
    );
  });

  it('changes from one day to the next exactly when the next day is Prinsjesdag', () => {
    fc.assert(
      fc.property(dag, (n) => {
        const [vandaag, morgen] = [isoVanDag(n), isoVanDag(n + 1)];
        const isPrinsjesdag = morgen === prinsjesdag(Number(morgen.slice(0, 4)));
        expect(vergaderjaar(vandaag) !== vergaderjaar(morgen)).toBe(isPrinsjesdag);
        if (isPrinsjesdag) expect(startjaar(morgen)).toBe(startjaar(vandaag) + 1);
      }),
    );
  });
});

describe('formatVergaderjaar', () => {
  it('writes the three styles', () => {
    expect(formatVergaderjaar('2024-2025')).toBe('2024-2025');
    expect(formatVergaderjaar('2024-2025', 'ministerie')).toBe('2024-2025');
    expect(formatVergaderjaar('2024-2025', 'kamerstuk')).toBe('2024–2025');
    expect(formatVergaderjaar('2024-2025', 'ar')).toBe('2024/25');
    expect(formatVergaderjaar('1999-2000', 'ar')).toBe('1999/00');
    expect(formatVergaderjaar('2009-2010', 'ar')).toBe('2009/10');
  });

  it('reads any of the three writings', () => {
    expect(formatVergaderjaar('2024–2025')).toBe('2024-2025');
    expect(formatVergaderjaar('2022/23')).toBe('2022-2023');
    expect(formatVergaderjaar('1999/00')).toBe('1999-2000');
    expect(formatVergaderjaar('2022/2023', 'ar')).toBe('2022/23');
  });

  it('refuses years that do not follow each other', () => {
    expect(formatVergaderjaar('2024-2026')).toBeUndefined();
    expect(formatVergaderjaar('2024/26')).toBeUndefined();
    expect(formatVergaderjaar('2024')).toBeUndefined();
    expect(parseVergaderjaar('vergaderjaar 2024-2025')).toBeUndefined();
  });

  it('round-trips every style', () => {
    const stijl = fc.constantFrom<VergaderjaarStijl>('ministerie', 'kamerstuk', 'ar');
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9998 }), stijl, stijl, (start, van, naar) => {
        const text = schrijfVergaderjaar(start, van);
        expect(parseVergaderjaar(text)).toBe(start);
        expect(formatVergaderjaar(text, naar)).toBe(schrijfVergaderjaar(start, naar));
      }),
    );
  });
});
