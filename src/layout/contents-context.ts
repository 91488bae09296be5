import type { InhoudsopgaveInput } from '../numbering/numbering-schema.js';
import type { RenderedPart } from './render-parts.js';

/** One line of a contents list: a link to a heading, its number and (after pagination) its page. */
export interface ContentsEntry {
  id: string;
  nummer: string;
  tekst: string;
  /** 1 is the outermost level of the list: hanging indents grow with it. */
  niveau: number;
  /** The number carries a word ("Hoofdstuk I"): it needs a wider column. */
  woord: boolean;
}

export interface ContentsList {
  entries: ContentsEntry[];
  /** Tables and figures, when asked for. */
  bijschriften: ContentsEntry[] | null;
}

interface Settings {
  diepte: number;
  tabellen_en_figuren: boolean;
}

/** What `inhoudsopgave:` asks for, or null for no list. `true` means the default depth. */
export function contentsSettings(input: InhoudsopgaveInput | undefined, standard: boolean, depthForTrue: number): Settings | null {
  const value = input ?? standard;
  if (value === false) return null;
  if (value === true) return { diepte: depthForTrue, tabellen_en_figuren: false };
  return value;
}

const entry = (id: string, nummer: string, tekst: string, niveau: number): ContentsEntry => ({
  id,
  nummer,
  tekst,
  niveau,
  woord: /\s/.test(nummer),
});

/** The contents of one bijlage: its own headings down to the depth asked for. */
export function bijlageContents(part: RenderedPart, settings: Settings): ContentsList {
  return {
    entries: part.headings.filter((h) => h.diepte <= settings.diepte).map((h) => entry(h.id, h.nummer, h.tekst, h.diepte)),
    bijschriften: settings.tabellen_en_figuren ? captionEntries([part]) : null,
  };
}

/** The contents of the letter or report: its sections with their headings, then the bijlagen. */
export function documentContents(secties: RenderedPart[], bijlagen: RenderedPart[], settings: Settings): ContentsList {
  const entries: ContentsEntry[] = [];
  secties.forEach((s, i) => {
    entries.push(entry(`sectie-${i + 1}`, s.nummer?.label ?? '', s.source.meta.titel, 1));
    for (const h of s.headings) if (h.diepte + 1 <= settings.diepte) entries.push(entry(h.id, h.nummer, h.tekst, h.diepte + 1));
  });
  bijlagen.forEach((b, i) => entries.push(entry(`bijlage-${i + 1}`, `Bijlage ${i + 1}.`, b.source.meta.titel, 1)));
  return { entries, bijschriften: settings.tabellen_en_figuren ? captionEntries(secties) : null };
}

function captionEntries(parts: RenderedPart[]): ContentsEntry[] {
  return parts.flatMap((p) =>
    p.captions.map((c) => entry(c.id, `${c.kind === 'tabel' ? 'Tabel' : 'Figuur'} ${c.nummer}.`, c.tekst, 1)),
  );
}
