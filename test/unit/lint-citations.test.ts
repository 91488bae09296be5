import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCitation, type Huisstijl } from '../../src/records/format-citation.js';
import { citationKey, lintCitations } from '../../src/records/lint-citations.js';
import { bronSchema } from '../../src/records/source-schema.js';

/*
 * Hand-written Kamerstukken and Handelingen in an author's footnotes, against the
 * citation formatCitation writes for the same paper (src/records/lint-citations.ts).
 * The mistakes are the ones the seed letters make.
 */
const MINISTERIE: Huisstijl = { citatiestijl: 'ministerie', dossiernotatie: 'aaneen' };
const AR: Huisstijl = { citatiestijl: 'ar', dossiernotatie: 'aaneen' };
const GESPATIEERD: Huisstijl = { citatiestijl: 'ministerie', dossiernotatie: 'gespatieerd' };

/** What an author is told to write, or the problem, per finding. */
function advice(text: string, stijl: Huisstijl = MINISTERIE): string[] {
  return lintCitations(text, stijl).map((f) => /^write "([^"]+)"/.exec(f.hint)?.[1] ?? f.message.replace(/^the citation "[^"]+" /, ''));
}

describe('hand-written citations in footnotes', () => {
  it('in the house style give nothing, with the text around them', () => {
    expect(advice('Kamerstukken II, 2024-2025, 29279, nr. 890.')).toEqual([]);
    expect(advice('Zie Kamerstukken II, 2024-2025, 29279, nr. 890, p. 3, en de brief daarna.')).toEqual([]);
    expect(advice('Handelingen I, vergaderjaar 2022-2023, nr. 20, item 9.')).toEqual([]);
    expect(advice('Kamerstukken II 2024/25, 29279, nr. 890', AR)).toEqual([]);
    // A full stop in Ar style ends the note's sentence, not the citation: not a mistake.
    expect(advice('Kamerstukken II 2024/25, 29279, nr. 890.', AR)).toEqual([]);
    expect(advice('Kamerstukken II, 2024-2025, 36 600 XVI, nr. 12.', GESPATIEERD)).toEqual([]);
    // Not a parliamentary paper, or one the check does not know.
    expect(advice('Aanhangsel Handelingen II, 2024-2025, nr. 12.')).toEqual([]);
    expect(advice('Zie de Kamerstukken van vorig jaar.')).toEqual([]);
  });

  it('that drifted are told the house-style form, at the citation', () => {
    expect(advice('Kamerstukken II, 2022/23, 30420, nr. 374.')).toEqual(['Kamerstukken II, 2022-2023, 30420, nr. 374.']);
    expect(advice('Kamerstukken ll, 2022-2023, 28345, nr. 261.')).toEqual(['Kamerstukken II, 2022-2023, 28345, nr. 261.']);
    expect(advice('Kamerstukken II, 2024–2025, 29279, nr 890')).toEqual(['Kamerstukken II, 2024-2025, 29279, nr. 890.']);
    expect(advice('Kamerstukken II, 2022-2023, 2023Z15247')).toEqual(['Kamerstukken II, 2022-2023, 2023Z15247.']);
    expect(advice('Handelingen II 2010/11, nr. 108, item 5')).toEqual(['Handelingen II, vergaderjaar 2010-2011, nr. 108, item 5.']);
    // Two dossier notations in one letter: the letter's own wins. Mid-note, without the note's final period.
    expect(advice('Kamerstukken II, 2021-2022, 22 112, nr. 3394, d.d. 15 april 2022')).toEqual(['Kamerstukken II, 2021-2022, 22112, nr. 3394']);
    expect(advice('Kamerstukken II, 2024-2025, 28345, nr. 280.', GESPATIEERD)).toEqual(['Kamerstukken II, 2024-2025, 28 345, nr. 280.']);
    expect(advice('Kamerstukken II, 2024-2025, 29279, nr. 890.', AR)).toEqual(['Kamerstukken II 2024/25, 29279, nr. 890']);
    const [f] = lintCitations('Zie Kamerstukken II, 2022/23, 30420, nr. 374. Daarna meer.', MINISTERIE);
    expect(f).toMatchObject({ start: 4, end: 45 });
  });

  it('that miss a part are told which, each citation of a note on its own', () => {
    expect(advice('Kamerstukken II, 31839, Nr. 914 en Kamerstukken II, 31830 Nr. 964.')).toEqual([
      'has no vergaderjaar: write it after the Kamer, e.g. "Kamerstukken II, 2024-2025, …"',
      'has no vergaderjaar: write it after the Kamer, e.g. "Kamerstukken II, 2024-2025, …"',
    ]);
    expect(advice('Kamerstukken II, 2024-2026, 29279, nr. 890.')).toEqual([
      'has "2024-2026" as its vergaderjaar, which is not two years that follow each other, such as 2024-2025',
    ]);
    expect(advice('Kamerstukken, 2024-2025, 29279, nr. 890.')[0]).toMatch(/^does not say which Kamer/);
  });

  it('name the record that cites the same paper', () => {
    const known = new Map([[citationKey('Kamerstukken II, 2024-2025, 29279, nr. 890.'), { id: 'motie-890', call: '{{motie "motie-890"}}' }]]);
    const [f] = lintCitations('Kamerstukken II, 2024-2025, 29279, nr 890', MINISTERIE, known);
    expect(f!.hint).toContain('it is motie-890 in data/, and {{motie "motie-890"}} writes its note for you');
  });

  it('as formatCitation writes them are never a finding, and in the other style are told that form', () => {
    const stijl = fc.record({ citatiestijl: fc.constantFrom('ministerie' as const, 'ar' as const), dossiernotatie: fc.constantFrom('aaneen' as const, 'gespatieerd' as const) });
    const dossier = fc.oneof(
      fc.integer({ min: 10000, max: 99999 }).map(String),
      fc.tuple(fc.integer({ min: 10000, max: 99999 }), fc.constantFrom('VII', 'XVI', 'A')).map(([n, s]) => `${n}-${s}`),
      fc.tuple(fc.integer({ min: 10000, max: 99999 }), fc.integer({ min: 10000, max: 99999 })).map(([a, b]) => `${a}/${b}`),
    );
    const vergaderjaar = fc.integer({ min: 1995, max: 2030 }).map((j) => `${j}-${j + 1}`);
    const kamer = fc.constantFrom('I' as const, 'II' as const);
    const bron = fc.oneof(
      fc.record({ soort: fc.constant('kamerstuk' as const), id: fc.constant('x'), kamer, vergaderjaar, dossier, nummer: fc.integer({ min: 1, max: 4000 }), pagina: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }) }),
      fc.record({ soort: fc.constant('handelingen' as const), id: fc.constant('x'), kamer, vergaderjaar, nummer: fc.integer({ min: 1, max: 120 }), item: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }) }),
    );
    fc.assert(
      fc.property(bron, stijl, stijl, (invoer, own, other) => {
        const parsed = bronSchema.parse(Object.fromEntries(Object.entries(invoer).filter(([, v]) => v !== undefined)));
        const written = formatCitation(parsed, own);
        expect(lintCitations(written, own)).toEqual([]);
        const expected = formatCitation(parsed, other).replace(/[\u00a0\u2009]/g, ' ');
        const told = advice(written, other);
        if (citationKey(written) === citationKey(expected)) expect(told).toEqual([]);
        else expect(told.map(citationKey)).toEqual([citationKey(expected)]);
      }),
      { numRuns: 300 },
    );
  });
});
