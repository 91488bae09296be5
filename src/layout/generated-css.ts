/**
 * CSS that depends on the letter: the call number of each footnote (Paged.js copies
 * only classes to a call, so each note's class carries its number), one named page
 * per bijlage (Paged.js drops a forced break between bijlagen that share a page
 * name) and the font family.
 */
export function generatedCss(footnotes: number, bijlagen: number, fontFamily: string): string {
  const rules: string[] = [`:root { --vb-lettertype: '${fontFamily.replace(/'/g, '')}'; }`];
  for (let n = 1; n <= footnotes; n++) {
    rules.push(`.vbfn-${n}[data-footnote-call]::after { content: "${n}"; }`);
  }
  for (let n = 1; n <= bijlagen; n++) {
    rules.push(`@page bijlage-${n} { }`, `#bijlage-${n} { page: bijlage-${n}; break-before: page; }`);
  }
  return rules.join('\n');
}
