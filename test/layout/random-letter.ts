import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Random letters for the layout's property test, one per seed: many headings (runs of
 * two levels too), short and long tables, footnotes of every length (two calls in a row
 * now and then), lists, and two or three signatories. Markers make the parts findable in
 * the PDF's text: headings say "Kopje"/"Subkopje", section titles "Onderdeel", tables
 * have the header "Kolom A", the closing paragraph's words start with "afsl".
 */
export interface RandomLetter {
  seed: number;
  files: Record<string, string>;
  signatories: string[];
}

/* mulberry32: small, fast and the same everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ('de het een meldingen regio aanpak gemeenten toezicht beleid wet uitvoering veiligheid vrouwen ' +
  'Kamer brief toezegging maatregel onderzoek jaar rapport gegevens voorlichting hulp slachtoffers partners ' +
  'afspraken middelen capaciteit ketenpartners politie evaluatie resultaten verbetering').split(' ');
const NAMES = ['A. de Vries', 'B. Jansen', 'C. Bakker'];
const FUNCTIES = ['De Minister van Justitie en Veiligheid,', 'De Staatssecretaris van Justitie en Veiligheid,', 'De Minister voor Langdurige Zorg,'];

export function randomLetter(seed: number): RandomLetter {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = (n: number) => {
    const w = words(n);
    return w.charAt(0).toUpperCase() + w.slice(1) + '.';
  };
  let notes = 0;
  const call = (defs: string[]) => {
    const id = `n${++notes}`;
    // Notes of every length, but none taller than half a page.
    const len = pick([3, 6, 12, 25, 45, 70]);
    defs.push(`[^${id}]: ${len < 8 ? `Kamerstukken II, 2024-2025, 29279, nr. ${800 + notes}.` : sentence(len)}`);
    return `[^${id}]`;
  };
  const signatories = NAMES.slice(0, int(1, 10) <= 2 ? 1 : int(2, 3));
  const files: Record<string, string> = {};
  files['brief.md'] = [
    '---',
    'afzender:',
    '  organisatie: Ministerie van Justitie en Veiligheid',
    '  onderdeel: Directoraat-Generaal Straffen en Beschermen',
    '  bezoekadres: [Turfmarkt 147, 2511 DP Den Haag]',
    '  postadres: [Postbus 20301, 2500 EH Den Haag]',
    'datum: 2024-11-19',
    `betreft: Voortgang ${seed}`,
    'onze_referentie: "5896071"',
    'nummering: true',
    'ondertekening:',
    ...signatories.flatMap((naam, i) => [`  - functie: ${FUNCTIES[i]}`, `    naam: ${naam}`]),
    '---',
    `${sentence(int(20, 60))}`,
    '',
  ].join('\n');
  const sections = int(2, 4);
  let heading = 0;
  let tables = 0;
  for (let s = 1; s <= sections; s++) {
    const defs: string[] = [];
    const blocks: string[] = [];
    const count = int(5, 16);
    for (let b = 0; b < count; b++) {
      const kind = rnd();
      if (kind < 0.2) {
        heading++;
        blocks.push(`# Kopje ${heading} ${words(int(1, 4))}`);
        if (rnd() < 0.4) blocks.push(`## Subkopje ${heading} ${words(int(1, 3))}`);
      } else if (kind < 0.3) {
        blocks.push(`## Subkopje ${++heading} ${words(int(1, 3))}`);
      } else if (kind < 0.4) {
        blocks.push(Array.from({ length: int(2, 8) }, () => `- ${sentence(int(3, 25))}`).join('\n'));
      } else if (kind < 0.48) {
        tables++;
        const rows = rnd() < 0.4 ? int(30, 70) : int(3, 12);
        const lines = Array.from({ length: rows }, (_, i) => `| t${tables}r${i + 1} ${words(int(1, 3))} | ${int(10, 9999)} |`);
        blocks.push(`| Kolom A | Kolom B |\n|---|--:|\n${lines.join('\n')}`);
      } else {
        const n = int(10, 140);
        let p = sentence(n);
        if (rnd() < 0.35) p = p.slice(0, -1) + call(defs) + (rnd() < 0.3 ? call(defs) : '') + ' ' + sentence(int(3, 20));
        blocks.push(p);
      }
    }
    if (s === sections) blocks.push(Array.from({ length: int(6, 80) }, (_, i) => `afsl${i}`).join(' ') + '.');
    files[`secties/${String(s).padStart(2, '0')}-onderdeel.md`] = `---\ntitel: Onderdeel ${s}\n---\n${blocks.join('\n\n')}\n\n${defs.join('\n\n')}\n`;
  }
  return { seed, files, signatories };
}

export function writeLetter(letter: RandomLetter, dir: string): void {
  for (const [file, text] of Object.entries(letter.files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}
