import { z } from 'zod';
import { collate } from '../format/collate.js';
import type { DossierNotatie } from '../format/format-dossier.js';
import { formatDatum } from '../format/format-datum.js';
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
}

const GROUP_TITLES: Record<string, string> = { motie: 'Moties', amendement: 'Amendementen', toezegging: 'Toezeggingen' };

/**
 * The appendix "Overige moties en toezeggingen" as Markdown, generated from the
 * register, so that it never drifts from the records. Records are grouped (by
 * soort, thema or status) and sorted by date, then id, for a stable order.
 */
export function registerAppendixMarkdown(input: AppendixInput): string {
  const { config } = input;
  const records: RegisterRecord[] = [...input.moties, ...input.toezeggingen]
    .filter((r) => config.selectie === 'alle' || !input.referencedInLetter.has(r.id))
    .filter((r) => !config.thema || (r.thema !== undefined && config.thema.includes(r.thema)))
    .filter((r) => !config.status || config.status.includes(r.status))
    .sort((a, b) => collate(a.datum, b.datum) || collate(a.id, b.id));
  if (!records.length) return '\nEr zijn geen andere moties of toezeggingen om over te rapporteren.\n';
  const groups = new Map<string, RegisterRecord[]>();
  for (const r of records) {
    const key = config.groepering === 'soort' ? r.soort : config.groepering === 'thema' ? (r.thema ?? 'Overig') : r.status;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const order = [...groups.keys()].sort((a, b) => groupRank(a, config.groepering) - groupRank(b, config.groepering) || collate(a, b));
  return order
    .map((key) => {
      const title = config.groepering === 'soort' ? (GROUP_TITLES[key] ?? key) : capitalise(key);
      const body = config.weergave === 'tabel' ? table(groups.get(key)!, input) : sections(groups.get(key)!, input);
      return `\n# ${escapeMarkdown(title)}\n\n${body}`;
    })
    .join('\n');
}

function table(records: RegisterRecord[], input: AppendixInput): string {
  const rows = records.map(
    (r) => `| ${tableCell(escapeMarkdown(recordLabel(r, input.dossiernotatie)))}${input.cite(r)} | ${statusText(r)} | ${tableCell(r.stand_van_zaken ?? '')} |`,
  );
  return ['| Motie of toezegging | Status | Stand van zaken |', '|---|---|---|', ...rows].join('\n') + '\n';
}

function sections(records: RegisterRecord[], input: AppendixInput): string {
  return records
    .map((r) => {
      const head = `## ${escapeMarkdown(recordLabel(r, input.dossiernotatie))}${input.cite(r)}`;
      const status = `*${statusText(r)}*`;
      return [head, status, r.stand_van_zaken ?? ''].filter(Boolean).join('\n\n');
    })
    .join('\n\n');
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
