import { formatDatum } from '../format/format-datum.js';
import { formatDossier, VASTE_SPATIE, type DossierNotatie } from '../format/format-dossier.js';
import { formatVergaderjaar } from '../format/vergaderjaar.js';
import type {
  Bron,
  CommissiebriefBron,
  KamerstukBron,
  MotieBron,
  RapportBron,
  StaatscourantBron,
  WebBron,
} from './source-schema.js';

/**
 * The two citation styles. `ministerie`: as the ministry's letters write footnotes
 * ("Kamerstukken II, 2024-2025, 29279, nr. 890."). `ar`: Aanwijzingen voor de
 * regelgeving 3.43 ("Kamerstukken II 2024/25, 29279, nr. 890"). One letter uses one.
 *
 * Every citation is built as a body without a final period. The ministry style ends
 * it with one, as the seeds mostly do (where they do not, it is an inconsistency a
 * house style removes); the Ar style, like the examples in Ar 3.43, does not. Sources
 * that Ar 3.43 does not cover (committee letters, moties by title, web pages,
 * reports) get the ministry wording in both styles, without the period in Ar.
 */
export type CitatieStijl = 'ministerie' | 'ar';

/** A letter's house style: how it cites, and how it writes dossier numbers. */
export interface Huisstijl {
  citatiestijl: CitatieStijl;
  dossiernotatie: DossierNotatie;
}

export const MINISTERIE: Huisstijl = { citatiestijl: 'ministerie', dossiernotatie: 'aaneen' };

/** Finds the record a `zie:` refers to. */
export type BronLookup = (id: string) => Bron | undefined;

/**
 * The citation of one source as a footnote. A `zie:` on a report or web page appends
 * "Zie <citation>." of the source it names (that source's own `zie:` is not followed:
 * a note refers on once).
 */
export function formatCitation(bron: Bron, stijl: Huisstijl = MINISTERIE, lookup?: BronLookup): string {
  let body = citatieTekst(bron, stijl);
  const zie = 'zie' in bron && bron.zie !== undefined ? lookup?.(bron.zie) : undefined;
  if (zie) body = `${metPunt(body)} Zie ${citatieTekst(zie, stijl)}`;
  return slot(body, stijl);
}

/**
 * The short form a citation takes in running text, without a note, for "(…)": a
 * Kamerstuk as "Kamerstuk 29279, nr. 890" in the ministry style (its letters write it
 * so), as its full Ar form in the Ar style; every other source as its citation
 * without the final period and without a `zie:`.
 */
export function formatInlineCitation(bron: Bron, stijl: Huisstijl = MINISTERIE): string {
  if (stijl.citatiestijl === 'ministerie' && bron.soort === 'kamerstuk') {
    const ref = bron.dossier === undefined ? (bron.zaak ?? '') : kamerstukReference(bron.dossier, bron.nummer, stijl.dossiernotatie);
    return `Kamerstuk ${ref}${bron.pagina === undefined ? '' : `, p. ${bron.pagina}`}`;
  }
  if (stijl.citatiestijl === 'ministerie' && bron.soort === 'motie' && bron.nummer !== undefined) {
    return `Kamerstuk ${kamerstukReference(bron.dossier, bron.nummer, stijl.dossiernotatie)}`;
  }
  return citatieTekst(bron, stijl);
}

/**
 * A repeated citation: "Zie voetnoot 1." in the ministry style (a sentence, closed
 * like every other ministry footnote), "Zie voetnoot 1" in the Ar style (no final
 * periods there). `n` is the footnote number, counted through the whole letter.
 */
export function formatZieVoetnoot(n: number, stijl: CitatieStijl = 'ministerie'): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`formatZieVoetnoot: ${String(n)} is not a footnote number`);
  return stijl === 'ministerie' ? `Zie voetnoot ${n}.` : `Zie voetnoot ${n}`;
}

/**
 * Dossier and number as both styles write them: "29279, nr. 890", or "29 279, nr. 890"
 * spaced (with a no-break space, so a dossier never breaks over two lines). An Eerste
 * Kamer letter code stands without "nr.": "36 123, C", as the Eerste Kamer cites its
 * own papers.
 */
export function kamerstukReference(dossier: string | number, nummer: string | number | undefined, notatie: DossierNotatie): string {
  const d = formatDossier(dossier, notatie, VASTE_SPATIE);
  if (nummer === undefined) return d;
  const nr = String(nummer);
  return `${d}, ${/^[A-Z]+\d*$/.test(nr) ? nr : `nr. ${nr}`}`;
}

function slot(body: string, stijl: Huisstijl): string {
  return stijl.citatiestijl === 'ministerie' ? metPunt(body) : body;
}

function citatieTekst(bron: Bron, stijl: Huisstijl): string {
  switch (bron.soort) {
    case 'kamerstuk':
      return kamerstuk(bron, stijl);
    case 'handelingen':
    case 'aanhangsel': {
      const naam = bron.soort === 'handelingen' ? 'Handelingen' : 'Aanhangsel Handelingen';
      const delen = [`nr. ${bron.nummer}`];
      if (bron.soort === 'handelingen' && bron.item !== undefined) delen.push(`item ${bron.item}`);
      if (bron.soort === 'handelingen' && bron.pagina !== undefined) delen.push(`p. ${bron.pagina}`);
      // The ministry's letters spell out "vergaderjaar" for the Handelingen (seed 001).
      const kop =
        stijl.citatiestijl === 'ar'
          ? `${naam} ${bron.kamer} ${vj(bron.vergaderjaar)}`
          : `${naam} ${bron.kamer}, vergaderjaar ${bron.vergaderjaar}`;
      return [kop, ...delen].join(', ');
    }
    case 'staatscourant':
      return staatscourant(bron, stijl.citatiestijl);
    case 'tractatenblad':
      return stijl.citatiestijl === 'ar' || bron.titel === undefined
        ? `Trb. ${bron.jaar}, ${bron.nummer}`
        : `Trb. ${bron.jaar}, ${bron.nummer} ${bron.titel}`;
    case 'commissiebrief':
      return commissiebrief(bron);
    case 'motie':
      return motie(bron, stijl);
    case 'web':
      return web(bron);
    case 'rapport':
      return rapport(bron);
  }
}

function kamerstuk(bron: KamerstukBron, stijl: Huisstijl): string {
  const ref = bron.dossier === undefined ? (bron.zaak ?? '') : kamerstukReference(bron.dossier, bron.nummer, stijl.dossiernotatie);
  const pagina = bron.pagina === undefined ? '' : `, p. ${bron.pagina}`;
  return `${kamerstukKop(bron.kamer, bron.vergaderjaar, stijl.citatiestijl)}, ${ref}${pagina}`;
}

function kamerstukKop(kamer: string, vergaderjaar: string, stijl: CitatieStijl): string {
  return stijl === 'ar' ? `Kamerstukken ${kamer} ${vj(vergaderjaar)}` : `Kamerstukken ${kamer}, ${vergaderjaar}`;
}

function staatscourant(bron: StaatscourantBron, stijl: CitatieStijl): string {
  if (stijl === 'ar') return `Stcrt. ${bron.jaar}, ${bron.nummer}`;
  // "Stcrt," without the abbreviation's period, title and mark after the number: seed 004.
  const titel = bron.titel === undefined ? '' : ` ${bron.titel}`;
  const kenmerk = bron.kenmerk === undefined ? '' : ` (${bron.kenmerk})`;
  return `Stcrt, ${bron.jaar}, ${bron.nummer}${titel}${kenmerk}`;
}

function commissiebrief(bron: CommissiebriefBron): string {
  // Authors may well type "de vaste commissie …"; the sentence supplies its own "de".
  const commissie = bron.commissie.replace(/^de\s+/i, '');
  const kamer = bron.kamer === 'I' ? 'Eerste Kamer' : 'Tweede Kamer';
  const nummers = bron.document === undefined ? bron.zaak : `${bron.zaak}/${bron.document}`;
  return `Brief van de ${commissie} van de ${kamer} d.d. ${formatDatum(bron.datum) ?? bron.datum}, ${nummers}`;
}

function motie(bron: MotieBron, stijl: Huisstijl): string {
  // Ar 3.43 knows no citation by title; a motie is a Kamerstuk, so cite it as one when
  // the record has what that needs.
  if (stijl.citatiestijl === 'ar' && bron.vergaderjaar !== undefined && bron.nummer !== undefined) {
    return `${kamerstukKop(bron.kamer, bron.vergaderjaar, 'ar')}, ${kamerstukReference(bron.dossier, bron.nummer, stijl.dossiernotatie)}`;
  }
  return `Motie ${kamerstukReference(bron.dossier, bron.nummer, stijl.dossiernotatie)} – ${bron.titel}`;
}

function web(bron: WebBron): string {
  const wie = [bron.organisatie === undefined ? undefined : `Website ${bron.organisatie}`, bron.titel]
    .filter((d): d is string => d !== undefined)
    .join(', ');
  const wanneer = bron.jaar === undefined ? '' : ` (${uitgaveDatum(bron.maand, bron.jaar)})`;
  const datum = bron.geraadpleegd === undefined ? '' : ` (geraadpleegd op ${formatDatum(bron.geraadpleegd) ?? bron.geraadpleegd})`;
  return `${wie}${wanneer}, zie: ${bron.url}${datum}`;
}

function rapport(bron: RapportBron): string {
  const [eerste, tweede] = bron.auteurs;
  // "et al." is an abbreviation (et alii) and keeps its period.
  const auteurs =
    bron.etAl || bron.auteurs.length > 2 ? `${eerste}, et al.` : tweede === undefined ? eerste : `${eerste} en ${tweede}`;
  const uitgever = bron.plaats === undefined ? bron.uitgever : `${bron.plaats}: ${bron.uitgever}`;
  // An address in brackets after the publisher, as seed 001 (note 12) writes one.
  const uitgave = bron.url === undefined ? uitgever : `${uitgever} (${bron.url})`;
  const zinnen = [`${auteurs} (${uitgaveDatum(bron.maand, bron.jaar)}): ${bron.titel}`, uitgave];
  if (bron.pagina !== undefined) zinnen.push(`Zie p. ${bron.pagina}`);
  return zinnen.reduce((tekst, zin) => `${metPunt(tekst)} ${zin}`);
}

/** "2019", or "maart 2024" when the month is known. */
function uitgaveDatum(maand: string | undefined, jaar: number): string {
  return maand === undefined ? String(jaar) : `${maand} ${jaar}`;
}

function vj(vergaderjaar: string): string {
  return formatVergaderjaar(vergaderjaar, 'ar') ?? vergaderjaar;
}

/** Closes a sentence, unless it already ends in a period, question or exclamation mark. */
function metPunt(tekst: string): string {
  return /[.?!]$/.test(tekst) ? tekst : `${tekst}.`;
}
