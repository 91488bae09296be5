/**
 * A deterministic generator of voortgangsbrieven for the bench: the reference letter
 * (P1–P4, P6) and the long reports (P5). The same options give the same files, byte
 * for byte, so runs on different days measure the same input.
 *
 * The text is Dutch-looking filler built from a fixed vocabulary; what matters for the
 * measurements is the shape of a real letter: numbered sections with headings,
 * paragraphs of 60–140 words, a footnote on most paragraphs (Kamerstuk citations from
 * data/bronnen.yaml, moties from data/moties.yaml, and plain Markdown footnotes), CBS
 * figures through the number helpers, a table per section and a generated register
 * bijlage.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface GenerateOptions {
  /** Roughly how many pages the PDF gets (calibrated on this machine kind: ±10 %). */
  pages: number;
  /** Varies the text and the figures; letters with different seeds differ throughout. */
  seed?: number;
}

export interface GeneratedLetter {
  dir: string;
  sections: number;
  footnoteCalls: number;
}

/** Sections per page: one section (heading, 3 paragraphs, a table) fills about 1.3 pages. */
const PAGES_PER_SECTION = 1.28;
/** The letter head, introduction and the register bijlage take about this many pages. */
const FIXED_PAGES = 4;

const WORDS = (
  'aanpak gemeenten regio uitvoering professionals signalen veiligheid gezinnen kinderen ' +
  'ondersteuning monitor onderzoek afspraken ketenpartners inzet voortgang resultaten ' +
  'meldingen wachttijden capaciteit kwaliteit samenwerking preventie hulpverlening ' +
  'evaluatie wetgeving financiering toezicht werkwijze verbetering doelgroep knelpunten ' +
  'maatregelen jaar landelijk structureel tijdelijk zorgvuldig tijdig passend gezamenlijk ' +
  'beschikbaar uitgebreid verder eerder beter vaker sneller nader concreet'
).split(' ');
const VERBS = 'versterken verbeteren onderzoeken uitwerken ondersteunen monitoren bespreken evalueren'.split(' ');
const THEMES = ['preventie', 'hulpverlening', 'femicide', 'kennis', 'wetgeving', 'financiering'];
const DOSSIERS = [28345, 29279, 31839, 34843, 36300];

/** mulberry32: tiny, fast and the same on every platform. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateLetter(dir: string, options: GenerateOptions): GeneratedLetter {
  const rnd = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const int = (min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
  const sections = Math.max(1, Math.round((options.pages - FIXED_PAGES) / PAGES_PER_SECTION));
  const bronnen = Array.from({ length: Math.max(8, sections) }, (_, i) => ({
    id: `kst-${i + 1}`,
    dossier: pick(DOSSIERS),
    nummer: 100 + i * 3 + int(0, 2),
    vergaderjaar: pick(['2022-2023', '2023-2024', '2024-2025']),
  }));
  const moties = Array.from({ length: Math.max(6, Math.ceil(sections / 2)) }, (_, i) => ({
    id: `motie-${i + 1}`,
    dossier: pick(DOSSIERS),
    nummer: 800 + i,
    status: pick(['openstaand', 'voldaan', 'deels voldaan']),
    thema: pick(THEMES),
  }));
  let calls = 0;

  const sentence = (): string => {
    const n = int(9, 18);
    const words = Array.from({ length: n }, () => pick(WORDS));
    words.splice(int(2, n - 2), 0, pick(VERBS));
    const s = words.join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (section: number, p: number): string => {
    const text = Array.from({ length: int(5, 9) }, sentence);
    const kind = (section + p) % 4;
    if (kind === 0) text[1] += `{{bron "${pick(bronnen).id}"}}`;
    else if (kind === 1) text[2] = `In het afgelopen jaar waren er {{getal cijfers.s${section}_meldingen}} meldingen, {{percentage cijfers.s${section}_aandeel}} meer dan het jaar ervoor. ${text[2]}`;
    else if (kind === 2) text[0] += `[^s${section}p${p}]`;
    else text[3] = `Over ${pick(['de uitvoering van', 'het vervolg op', 'de stand van'])} {{motie "${pick(moties).id}"}} ${pick(VERBS)} wij de ${pick(WORDS)}. ${text[3]}`;
    if (kind !== 1) calls++;
    const note = kind === 2 ? `\n\n[^s${section}p${p}]: Kamerstukken II, ${pick(['2023-2024', '2024-2025'])}, ${pick(DOSSIERS)}, nr. ${int(100, 999)}.` : '';
    return text.join(' ') + note;
  };
  const table = (section: number): string => {
    const rows = Array.from({ length: 5 }, (_, r) => `| Regio ${section}.${r + 1} | {{getal ${int(1000, 99000)}}} | {{percentage ${int(10, 990) / 10}}} |`);
    return ['| Regio | Meldingen | Aandeel |', '|---|--:|--:|', ...rows].join('\n');
  };

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'secties'), { recursive: true });
  mkdirSync(path.join(dir, 'bijlagen'), { recursive: true });
  mkdirSync(path.join(dir, 'data'), { recursive: true });

  // s0 is the introduction's.
  const cijfers = Array.from({ length: sections + 1 }, (_, s) => `s${s}_meldingen: ${int(1000, 120000)}\ns${s}_aandeel: ${int(10, 250) / 10}`);
  for (let s = 1; s <= sections; s++) {
    const body = [
      `---\ntitel: Onderwerp ${s}, ${pick(WORDS)} en ${pick(WORDS)}\n---\n`,
      paragraph(s, 1),
      `# Stand van zaken ${pick(WORDS)}`,
      paragraph(s, 2),
      table(s),
      paragraph(s, 3),
      '',
    ];
    writeFileSync(path.join(dir, 'secties', `${String(s).padStart(3, '0')}-onderwerp.md`), body.join('\n\n'));
  }
  writeFileSync(path.join(dir, 'data', 'cijfers.yaml'), `${cijfers.join('\n')}\n`);
  writeFileSync(
    path.join(dir, 'data', 'bronnen.yaml'),
    bronnen
      .map((b) => `- id: ${b.id}\n  soort: kamerstuk\n  vergaderjaar: ${b.vergaderjaar}\n  dossier: ${b.dossier}\n  nummer: ${b.nummer}\n  titel: Voortgangsrapportage ${b.nummer}\n`)
      .join('\n'),
  );
  writeFileSync(
    path.join(dir, 'data', 'moties.yaml'),
    moties
      .map(
        (m, i) =>
          `- id: ${m.id}\n  dossier: ${m.dossier}\n  nummer: ${m.nummer}\n  datum: 2024-${String((i % 12) + 1).padStart(2, '0')}-15\n` +
          `  debat: het commissiedebat ${pick(WORDS)}\n  indieners: [Jansen (CDA), De Vries (GL-PvdA)]\n  titel: Motie over ${pick(WORDS)} en ${pick(WORDS)}\n` +
          `  uitslag: aangenomen\n  status: ${m.status}\n  thema: ${m.thema}\n` +
          (m.status === 'voldaan' ? '' : '  verwachte_afdoening: eind 2026\n') +
          `  stand_van_zaken: ${sentence()}\n`,
      )
      .join('\n'),
  );
  writeFileSync(
    path.join(dir, 'bijlagen', '01-moties.md'),
    '---\ntitel: Stand van zaken moties\nregister:\n  selectie: alle\n  weergave: tabel\n---\n\nDeze bijlage geeft de stand van zaken van alle moties.\n',
  );
  writeFileSync(
    path.join(dir, 'brief.md'),
    [
      '---',
      'afzender:',
      '  organisatie: Ministerie van Volksgezondheid, Welzijn en Sport',
      '  onderdeel: Directoraat-Generaal Langdurige Zorg en Jeugd',
      '  bezoekadres: [Parnassusplein 5, 2511 VX Den Haag]',
      '  postadres: [Postbus 20350, 2500 EJ Den Haag]',
      'datum: 2025-06-30',
      `betreft: Voortgangsrapportage ${options.seed ?? 1} over ${sections} onderwerpen`,
      `onze_referentie: "BENCH-${options.pages}-${options.seed ?? 1}"`,
      'nummering: true',
      'ondertekening:',
      '  - functie: De Staatssecretaris van Volksgezondheid, Welzijn en Sport,',
      '    naam: A.B. Voorbeeld',
      '---',
      '',
      paragraph(0, 1),
      '',
      paragraph(0, 2),
      '',
    ].join('\n'),
  );
  return { dir, sections, footnoteCalls: calls };
}
