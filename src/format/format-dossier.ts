/**
 * Dossier numbers. A printed Kamerstuk spaces them in every place ("28 345",
 * "36 600 XVI"); many ministry letters write them unspaced ("29279", "36600-XVI").
 * One document never mixes the two, so data is normalised to one form when it is
 * read (`normaliseerDossier`) and written out in the letter's notation
 * (`formatDossier`), whatever the author typed.
 */
export type DossierNotatie = 'gespatieerd' | 'aaneen';

/** U+2009, as the Staten-Generaal's prints set the dossier in the head of a Kamerstuk. */
export const DUNNE_SPATIE = '\u2009';
/** In running text and notes a dossier must not break over two lines. */
export const VASTE_SPATIE = '\u00a0';

const SPATIES = /[\s\u00a0\u2009\u202f]+/g;
const DEEL = /^(\d+)(?:-([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*))?$/;

/**
 * The one stored form: digits without spaces, a suffix after a hyphen, combined
 * dossiers joined by "/": "36 658" → "36658", "36 600 XVI" → "36600-XVI",
 * "28 345 / 34 843" → "28345/34843". Returns undefined for something else.
 */
export function normaliseerDossier(dossier: string | number): string | undefined {
  const delen = String(dossier)
    .trim()
    .split(/\s*\/\s*/)
    .map((deel) => {
      // Spaces between digits group thousands; a space before letters starts a suffix.
      const samengevoegd = deel.replace(/(\d)[\s\u00a0\u2009\u202f]+(?=\d)/g, '$1').replace(SPATIES, '-').replace(/-+/g, '-');
      return DEEL.test(samengevoegd) ? samengevoegd : undefined;
    });
  return delen.every((d): d is string => d !== undefined && d !== '') ? delen.join('/') : undefined;
}

/**
 * A dossier in the given notation. `gespatieerd`: digits grouped by three, a suffix
 * set off by a space: 28345 → "28 345", "36600-XVI" → "36 600 XVI", "28345/34843" →
 * "28 345/34 843". `aaneen`: the stored form. `spatie` is the space used in the
 * spaced form: a no-break space in text, the thin space in the Kamerstuk's head.
 */
export function formatDossier(dossier: string | number, notatie: DossierNotatie = 'gespatieerd', spatie = DUNNE_SPATIE): string {
  const vast = normaliseerDossier(dossier);
  if (vast === undefined) return String(dossier).trim();
  if (notatie === 'aaneen') return vast;
  return vast
    .split('/')
    .map((deel) => {
      const m = DEEL.exec(deel);
      if (!m?.[1]) return deel;
      const nummer = m[1].replace(/\B(?=(\d{3})+(?!\d))/g, spatie);
      // The print sets only the digit groups thin; its suffix follows a word space.
      const woord = spatie === DUNNE_SPATIE ? ' ' : spatie;
      return m[2] ? `${nummer}${woord}${m[2].replace(/-/g, woord)}` : nummer;
    })
    .join('/');
}
