import { parseVergaderjaar } from '../format/vergaderjaar.js';
import { formatCitation, type Huisstijl } from './format-citation.js';
import { handelingenBronSchema, kamerstukBronSchema } from './source-schema.js';

/** A citation an author wrote by hand that the letter's house style writes otherwise. */
export interface CitationFinding {
  /** Offsets of the citation in the text that was linted. */
  start: number;
  end: number;
  message: string;
  hint: string;
}

const SPACE = '[ \\t\\u00a0\\u2009\\u202f]';
const S = `${SPACE}*`;
/* "II", and how it gets mistyped: "ll" (two ells), "11". */
const KAMER = '(?<kamer>II|I|ll|l|11|1)?(?![\\p{L}\\d])';
const VERGADERJAAR = `(?:${S},?${S}(?:vergaderjaar${SPACE}+)?(?<vj>\\d{4}${S}[-–—/]${S}\\d{2,4}))?`;
const NUMMER = `(?:${S},?${S}(?<nr>nr|Nr|NR|nummer)\\.?${S}(?<nummer>\\d+|[A-Z]{1,2}(?![\\p{L}\\d])))`;
const PAGINA = `(?:${S},${S}(?:p|blz)\\.${S}(?<pagina>\\d+(?:${S}[-–]${S}\\d+)?))?`;
/* A dossier: "29279", "36 658", "36600-XVI", "36 600 XVI", "28345/34843"; or a zaak number. */
const DOSSIER = `(?<dossier>\\d{2}${SPACE}?\\d{3}(?:(?:-|${SPACE})(?:[IVXLC]+|[A-Z])(?![\\p{L}\\d]))?(?:${S}/${S}\\d{2}${SPACE}?\\d{3})*|\\d{4}Z\\d{5})`;

/** "Kamerstukken II, 2024-2025, 29279, nr. 890." in any of the ways it gets written. */
const KAMERSTUK = new RegExp(`(?<![\\p{L}])Kamerstukken${S}${KAMER}${VERGADERJAAR}${S},?${S}${DOSSIER}${NUMMER}?${PAGINA}(?<punt>\\.?)`, 'gu');
/** "Handelingen I, vergaderjaar 2022-2023, nr. 20, item 9." */
const HANDELINGEN = new RegExp(
  `(?<!Aanhangsel${SPACE}+)(?<![\\p{L}])Handelingen${S}${KAMER}${VERGADERJAAR}${NUMMER}(?:${S},${S}item${S}(?<item>\\d+))?${PAGINA}(?<punt>\\.?)`,
  'gu',
);

const spaces = (s: string) => s.replace(/[\s\u00a0\u2009\u202f]+/g, ' ').trim();
const withoutPeriod = (s: string) => s.replace(/\.$/, '');

/**
 * Finds the Kamerstuk and Handelingen citations in a footnote an author wrote by hand
 * and compares each with the citation formatCitation writes for the same paper in the
 * letter's house style: "Kamerstukken II, 2022/23, …" in a ministry letter, "Nr. 914",
 * "Kamerstukken ll", a missing vergaderjaar or final period. These are what drifts when
 * footnotes are copied between letters; a record in data/bronnen.yaml cannot drift.
 */
export function lintCitations(text: string, stijl: Huisstijl, known?: KnownCitations): CitationFinding[] {
  const findings: CitationFinding[] = [];
  for (const [pattern, soort] of [[KAMERSTUK, 'kamerstuk'], [HANDELINGEN, 'handelingen']] as const) {
    for (const m of text.matchAll(pattern)) {
      const g = m.groups ?? {};
      const written = m[0].replace(/[\s\u00a0\u2009\u202f]+$/, '');
      const at = { start: m.index, end: m.index + written.length };
      const problem = missingPart(g, soort);
      if (problem) {
        findings.push({ ...at, message: `the citation "${spaces(written)}" ${problem}`, hint: HINT });
        continue;
      }
      const expected = expectedCitation(g, soort, stijl);
      if (expected === undefined) continue;
      // A full stop after a citation may end the sentence the note goes on with; only a
      // note that ends without one, where the style ends every note with one, is short of it.
      const endsNote = text.slice(at.end).trim() === '';
      const missingStop = stijl.citatiestijl === 'ministerie' && endsNote && !written.endsWith('.');
      if (spaces(withoutPeriod(written)) === spaces(withoutPeriod(expected)) && !missingStop) continue;
      const shown = spaces(endsNote ? expected : withoutPeriod(expected));
      const record = known?.get(citationKey(expected));
      findings.push({
        ...at,
        message: `the citation "${spaces(written)}" is not written in the letter's house style`,
        hint: `write "${shown}" (citatiestijl: ${stijl.citatiestijl}, dossiernotatie: ${stijl.dossiernotatie}); ${record ? `it is ${record.id} in data/, and ${record.call} writes its note for you` : HINT}`,
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** Citations of the project's records, by citationKey of their house-style text. */
export type KnownCitations = ReadonlyMap<string, { id: string; call: string }>;

/** What two writings of one citation have in common: its text without spacing or final period. */
export function citationKey(citation: string): string {
  return spaces(withoutPeriod(citation.trim()));
}

const HINT = 'a source in data/bronnen.yaml, cited with {{bron "id"}}, is always written in the house style';

function missingPart(g: Record<string, string | undefined>, soort: 'kamerstuk' | 'handelingen'): string | undefined {
  if (g.kamer === undefined) return 'does not say which Kamer: write Kamerstukken II (Tweede Kamer) or Kamerstukken I (Eerste Kamer)';
  if (g.vj === undefined) return 'has no vergaderjaar: write it after the Kamer, e.g. "Kamerstukken II, 2024-2025, …"';
  if (parseVergaderjaar(g.vj) === undefined) return `has "${g.vj}" as its vergaderjaar, which is not two years that follow each other, such as 2024-2025`;
  if (soort === 'handelingen' && g.nummer === undefined) return 'has no nr.';
  return undefined;
}

function expectedCitation(g: Record<string, string | undefined>, soort: 'kamerstuk' | 'handelingen', stijl: Huisstijl): string | undefined {
  const kamer = /^(II|ll|11)$/.test(g.kamer ?? '') ? 'II' : 'I';
  const common = { id: 'hand-geschreven', kamer, vergaderjaar: g.vj, ...(g.pagina ? { pagina: g.pagina.replace(/\s+/g, '').replace('–', '-') } : {}) };
  const parsed =
    soort === 'kamerstuk'
      ? kamerstukBronSchema.safeParse({
          ...common,
          soort,
          ...(/Z/.test(g.dossier ?? '') ? { zaak: g.dossier } : { dossier: g.dossier }),
          ...(g.nummer && !/Z/.test(g.dossier ?? '') ? { nummer: g.nummer } : {}),
        })
      : handelingenBronSchema.safeParse({ ...common, soort, nummer: g.nummer, ...(g.item ? { item: g.item } : {}) });
  return parsed.success ? formatCitation(parsed.data, stijl) : undefined;
}
