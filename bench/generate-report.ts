/**
 * A deterministic generator of long reports (`type: rapport`) for issue 15's scale
 * check and the long-report timings: chapters that start on a new page, numbered in
 * the romeins scheme, a contents list with page numbers and a list of tables, about
 * two footnotes a page, long tables that run over pages, and cross-references with
 * their page. No number is typed by hand: the scheme numbers everything.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ReportOptions {
  /** Roughly how many pages the PDF gets (calibrated on this machine kind: ±10 %). */
  pages: number;
  /** Footnotes in the whole report; default two a page. */
  footnotes?: number;
  /** Tables of TABLE_ROWS rows, spread over the chapters; default 20 for 200 pages. */
  tables?: number;
  seed?: number;
}

export interface GeneratedReport {
  dir: string;
  chapters: number;
  footnotes: number;
  tables: number;
}

export const TABLE_ROWS = 60;
/** Paragraphs per page of plain text, and the pages one long table takes (calibrated). */
const PARAGRAPHS_PER_PAGE = 4.2;
const PAGES_PER_TABLE = 1.6;
/** Title page, colofon, contents and list of tables. */
const FIXED_PAGES = 5;

const WORDS = (
  'aanpak gemeenten regio uitvoering professionals signalen veiligheid gezinnen kinderen verdrag ' +
  'ondersteuning monitor onderzoek afspraken ketenpartners inzet voortgang resultaten opvang ' +
  'meldingen wachttijden capaciteit kwaliteit samenwerking preventie hulpverlening bescherming ' +
  'evaluatie wetgeving financiering toezicht werkwijze verbetering doelgroep knelpunten vervolging ' +
  'maatregelen jaar landelijk structureel tijdelijk zorgvuldig tijdig passend gezamenlijk'
).split(' ');

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export function generateReport(dir: string, options: ReportOptions): GeneratedReport {
  const rnd = random(options.seed ?? 1);
  const pick = () => WORDS[Math.floor(rnd() * WORDS.length)]!;
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, pick).join(' ');
    return w.charAt(0).toUpperCase() + w.slice(1) + '.';
  };
  const tables = options.tables ?? Math.max(1, Math.round(options.pages / 10));
  const footnotes = options.footnotes ?? options.pages * 2;
  const chapters = Math.max(2, Math.round(options.pages / 20));
  const paragraphs = Math.max(chapters * 4, Math.round((options.pages - FIXED_PAGES - chapters * 0.5 - tables * PAGES_PER_TABLE) * PARAGRAPHS_PER_PAGE));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'secties'), { recursive: true });
  writeFileSync(
    path.join(dir, 'brief.md'),
    [
      '---',
      'type: rapport',
      'titel: Nulmeting uitvoering van het verdrag',
      'rapport:',
      '  ondertitel: Een gegenereerd rapport voor de bench',
      '  organisatie: Ministerie van Justitie en Veiligheid',
      '  colofon: Gegenereerd door bench/generate-report.ts.',
      'datum: 2025-06-30',
      'nummering: romeins',
      'inhoudsopgave: { diepte: 2, tabellen_en_figuren: true }',
      'hoofdstuk_nieuwe_pagina: true',
      '---',
      `Dit rapport telt ${chapters} hoofdstukken. De eerste tabel staat in {{verwijzing "tabel-1" pagina=true}}.`,
      '',
    ].join('\n'),
  );
  let noteCount = 0;
  let tableCount = 0;
  let paragraphCount = 0;
  for (let c = 1; c <= chapters; c++) {
    const parts = [`---\ntitel: ${sentence(3).slice(0, -1)}\n---`];
    const share = (total: number) => Math.round((total * c) / chapters) - Math.round((total * (c - 1)) / chapters);
    const ownParagraphs = share(paragraphs);
    const ownTables = share(tables);
    const ownNotes = share(footnotes);
    const sections = 4;
    const notes: string[] = [];
    let p = 0;
    for (let s = 1; s <= sections; s++) {
      parts.push(`# ${sentence(4).slice(0, -1)}`);
      const count = Math.round((ownParagraphs * s) / sections) - Math.round((ownParagraphs * (s - 1)) / sections);
      for (let k = 0; k < count; k++, p++) {
        if (k === Math.floor(count / 2)) parts.push(`## ${sentence(3).slice(0, -1)}`);
        const noteHere = Math.floor(((p + 1) * ownNotes) / ownParagraphs) - Math.floor((p * ownNotes) / ownParagraphs);
        let text = Array.from({ length: 6 }, () => sentence(10 + Math.floor(rnd() * 12))).join(' ');
        for (let n = 0; n < noteHere; n++) {
          const label = `n${++noteCount}`;
          text += `[^${label}]`;
          notes.push(`[^${label}]: Kamerstukken II, 2024-2025, 29279, nr. ${100 + (noteCount % 800)}.`);
        }
        parts.push(text);
        paragraphCount++;
      }
      const tablesHere = Math.round((ownTables * s) / sections) - Math.round((ownTables * (s - 1)) / sections);
      for (let t = 0; t < tablesHere; t++) {
        const label = `tabel-${++tableCount}`;
        const rows = Array.from({ length: TABLE_ROWS }, (_, r) => `| ${pick()} ${r + 1} | ${1000 + Math.floor(rnd() * 9000)} | ${Math.floor(rnd() * 100)} |`);
        parts.push(`Zie {{verwijzing "${label}"}} voor de cijfers per regio.`);
        parts.push(`Tabel: ${sentence(4).slice(0, -1)} {#${label}}`, `| Regio | Meldingen | Aandeel |\n|---|--:|--:|\n${rows.join('\n')}`);
      }
    }
    parts.push(...notes);
    writeFileSync(path.join(dir, 'secties', `${String(c).padStart(2, '0')}-hoofdstuk.md`), parts.join('\n\n') + '\n');
  }
  void paragraphCount;
  return { dir, chapters, footnotes: noteCount, tables: tableCount };
}
