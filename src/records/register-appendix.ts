import { z } from 'zod';
import { collate } from '../format/collate.js';
import type { DossierNotatie } from '../format/format-dossier.js';
import { formatDatum } from '../format/format-datum.js';
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import { GeneratedText } from '../diagnostics/generated-text.js';
import { escapeMarkdown, tableCell } from './markdown-text.js';
import { recordLabel } from './record-phrases.js';
import { STATUSSEN, type Motie, type RegisterRecord, type Toezegging } from './register-schema.js';

/** Front matter `register:` of a bijlage: which records it lists, and how. */
export const registerAppendixSchema = z
  .object({
    /** "overig": the records the letter itself does not refer to; "alle": all of them. */
    selectie: z.enum(['overig', 'alle']).default('overig'),
    thema: z.array(z.string()).optional(),
    status: z.array(z.enum(STATUSSEN)).optional(),
    weergave: z.enum(['tabel', 'secties']).default('secties'),
    groepering: z.enum(['soort', 'thema', 'status']).default('soort'),
  })
  .strict();

export type RegisterAppendix = z.output<typeof registerAppendixSchema>;

/** Where the author wrote what the appendix is made of, for marks and diagnostics in it. */
export interface AppendixPlaces {
  /** The bijlage's `register:` field: for what the appendix writes itself (titles, a table's head). */
  appendix(): SourcePosition | undefined;
  record(r: RegisterRecord): SourcePosition | undefined;
  /** A field's value, e.g. the stand_van_zaken of a motie. */
  field(r: RegisterRecord, field: keyof RegisterRecord & string): SourcePosition | undefined;
}

export interface AppendixInput {
  config: RegisterAppendix;
  moties: Motie[];
  toezeggingen: Toezegging[];
  /** Ids the letter itself refers to. */
  referencedInLetter: ReadonlySet<string>;
  /** Returns the footnote call with the record's citation (and marks it as treated). */
  cite(record: RegisterRecord): string;
  /** How the labels write dossier numbers. */
  dossiernotatie: DossierNotatie;
  places?: AppendixPlaces | undefined;
}

const GROUP_TITLES: Record<string, string> = { motie: 'Moties', amendement: 'Amendementen', toezegging: 'Toezeggingen' };

const NOWHERE: AppendixPlaces = { appendix: () => undefined, record: () => undefined, field: () => undefined };

/**
 * The appendix "Overige moties en toezeggingen" as Markdown, generated from the
 * register, so that it never drifts from the records. Records are grouped (by
 * soort, thema or status) and sorted by date, then id, for a stable order. Each
 * piece knows the record and field it was made from: a word too long for its
 * column is reported in data/moties.yaml, not in the bijlage.
 */
export function registerAppendixMarkdown(input: AppendixInput): GeneratedText {
  const { config } = input;
  const places = input.places ?? NOWHERE;
  const out = new GeneratedText();
  const records: RegisterRecord[] = [...input.moties, ...input.toezeggingen]
    .filter((r) => config.selectie === 'alle' || !input.referencedInLetter.has(r.id))
    .filter((r) => !config.thema || (r.thema !== undefined && config.thema.includes(r.thema)))
    .filter((r) => !config.status || config.status.includes(r.status))
    .sort((a, b) => collate(a.datum, b.datum) || collate(a.id, b.id));
  if (!records.length) return out.add('\nEr zijn geen andere moties of toezeggingen om over te rapporteren.\n', places.appendix);
  const groups = new Map<string, RegisterRecord[]>();
  for (const r of records) {
    const key = config.groepering === 'soort' ? r.soort : config.groepering === 'thema' ? (r.thema ?? 'Overig') : r.status;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const order = [...groups.keys()].sort((a, b) => groupRank(a, config.groepering) - groupRank(b, config.groepering) || collate(a, b));
  return out.group(places.appendix, () => {
    order.forEach((key, i) => {
      const title = config.groepering === 'soort' ? (GROUP_TITLES[key] ?? key) : capitalise(key);
      out.add(`${i ? '\n' : ''}\n# ${escapeMarkdown(title)}\n\n`);
      if (config.weergave === 'tabel') table(out, groups.get(key)!, input, places);
      else sections(out, groups.get(key)!, input, places);
    });
  });
}

function table(out: GeneratedText, records: RegisterRecord[], input: AppendixInput, places: AppendixPlaces): void {
  out.add('| Motie of toezegging | Status | Stand van zaken |\n|---|---|---|\n');
  for (const r of records) {
    out.group(() => places.record(r), () => {
      out.add(`| ${tableCell(escapeMarkdown(recordLabel(r, input.dossiernotatie)))}${input.cite(r)} `);
      out.add(`| ${statusText(r)} `, () => places.field(r, 'status'));
      out.add(`| ${tableCell(r.stand_van_zaken ?? '')} `, r.stand_van_zaken ? () => places.field(r, 'stand_van_zaken') : undefined);
      out.add('|');
    });
    out.add('\n');
  }
}

function sections(out: GeneratedText, records: RegisterRecord[], input: AppendixInput, places: AppendixPlaces): void {
  records.forEach((r, i) => {
    if (i) out.add('\n\n');
    out.group(() => places.record(r), () => {
      out.add(`## ${escapeMarkdown(recordLabel(r, input.dossiernotatie))}${input.cite(r)}\n\n`);
      out.add(`*${statusText(r)}*`, () => places.field(r, 'status'));
      if (r.stand_van_zaken) out.add('\n\n').add(r.stand_van_zaken, () => places.field(r, 'stand_van_zaken'));
    });
  });
}
function statusText(r: RegisterRecord): string {
  const parts = [`Status: ${r.status}`];
  if (r.soort !== 'toezegging' && r.uitslag) parts.push(`${r.soort} ${r.uitslag}`);
  if (r.verwachte_afdoening) {
    const when = /^\d{4}-\d{2}-\d{2}$/.test(r.verwachte_afdoening) ? (formatDatum(r.verwachte_afdoening) ?? r.verwachte_afdoening) : r.verwachte_afdoening;
    parts.push(`verwachte afdoening: ${escapeMarkdown(when)}`);
  }
  if (r.afgedaan_met) parts.push(`afgedaan met: ${escapeMarkdown(r.afgedaan_met)}`);
  return `${parts.join('; ')}.`;
}

function groupRank(key: string, groepering: string): number {
  if (groepering === 'soort') return ['motie', 'amendement', 'toezegging'].indexOf(key);
  if (groepering === 'status') return (STATUSSEN as readonly string[]).indexOf(key);
  return 0;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
