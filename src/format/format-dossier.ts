/**
 * A dossier number as the printed Kamerstuk writes it: digits grouped by three with a
 * thin space (U+2009, as the Staten-Generaal's prints do), and a suffix such as
 * "-XVI" set off by a space: 28345 → "28 345", "36600-XVI" → "36 600 XVI". Combined
 * dossiers keep their slash: "28345/34843" → "28 345/34 843".
 */
export const DUNNE_SPATIE = '\u2009';

export function formatDossier(dossier: string | number): string {
  return String(dossier)
    .trim()
    .split('/')
    .map((deel) => {
      const m = /^(\d+)[\s\u00a0\u2009]*(?:-?\s*([A-Za-z0-9]+(?:[\s-][A-Za-z0-9]+)*))?$/.exec(deel.replace(/[\s\u00a0\u2009]+(?=\d)/g, ''));
      if (!m?.[1]) return deel;
      const nummer = m[1].replace(/\B(?=(\d{3})+(?!\d))/g, DUNNE_SPATIE);
      return m[2] ? `${nummer} ${m[2].replace(/-/g, ' ')}` : nummer;
    })
    .join('/');
}
