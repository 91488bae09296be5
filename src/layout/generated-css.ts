/** What the generated CSS depends on, per composed document. */
export interface GeneratedCssInput {
  /** Footnotes in the whole letter: split documents keep the numbers of the whole. */
  footnotes: number;
  /** The numbers of the bijlagen in this document. */
  bijlagen: number[];
  fontFamily: string;
  /** The document opens with a bijlage or a cover letter, not with the letterhead. */
  zonderBriefhoofd: boolean;
  /** The document is one split-off bijlage. */
  losseBijlage: boolean;
}

/**
 * CSS that depends on the letter: the call number of each footnote (Paged.js copies
 * only classes to a call, so each note's class carries its number), one named page
 * per bijlage (Paged.js drops a forced break between bijlagen that share a page
 * name) and the font family. A document that does not open with the letterhead
 * (a split-off bijlage, a cover letter) does not need page 1's deep top margin.
 */
export function generatedCss(input: GeneratedCssInput): string {
  const rules: string[] = [`:root { --vb-lettertype: '${input.fontFamily.replace(/'/g, '')}'; }`];
  for (let n = 1; n <= input.footnotes; n++) {
    rules.push(`.vbfn-${n}[data-footnote-call]::after { content: "${n}"; }`);
  }
  input.bijlagen.forEach((n, i) => {
    // The first part of a document needs no break before it: it would leave page 1 empty.
    const breek = i === 0 && input.losseBijlage ? '' : ' break-before: page;';
    rules.push(`@page bijlage-${n} { }`, `#bijlage-${n} { page: bijlage-${n};${breek} }`);
  });
  if (input.zonderBriefhoofd) rules.push('@page :first { margin-top: 30mm; }');
  return rules.join('\n');
}
