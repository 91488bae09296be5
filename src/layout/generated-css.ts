import { cssString } from './css-escape.js';
import { FALLBACK_FAMILIES } from './font-faces.js';

/** What the generated CSS depends on, per composed document. */
export interface GeneratedCssInput {
  /** The numbers of the bijlagen in this document. */
  bijlagen: number[];
  fontFamily: string;
  /** The document opens with a bijlage or a cover letter, not with the letterhead. */
  zonderBriefhoofd: boolean;
  /** The document is one split-off bijlage. */
  losseBijlage: boolean;
  /** type rapport: no colofon column, so the text takes its room. */
  rapport?: boolean;
  /** hoofdstuk_nieuwe_pagina: every section starts on a new page. */
  nieuwePagina?: boolean;
}

/**
 * CSS that depends on the letter: the font family, a new page before each bijlage,
 * and, for a document that does not open with the letterhead (a split-off bijlage,
 * a cover letter), page 1's ordinary top margin instead of the letterhead's deep one.
 */
export function generatedCss(input: GeneratedCssInput): string {
  // The bundled fallback faces come after the letter's font, before any font of the machine.
  const families = [input.fontFamily, ...FALLBACK_FAMILIES].map(cssString).join(', ');
  const rules: string[] = [`:root { --vb-lettertype: ${families}; }`];
  input.bijlagen.forEach((n, i) => {
    // The first part of a document needs no break before it: it would leave page 1 empty.
    if (!(i === 0 && input.losseBijlage)) rules.push(`#bijlage-${Math.trunc(n)} { break-before: page; }`);
  });
  if (input.zonderBriefhoofd) rules.push(':root { --vb-marge-boven-eerste: var(--vb-marge-boven); }');
  if (input.rapport) rules.push(':root { --vb-kolom-breedte: 166mm; }');
  if (input.nieuwePagina) rules.push('.vb-sectie { break-before: page; }');
  return rules.join('\n');
}
