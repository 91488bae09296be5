/**
 * Text measurement without a browser. SVG has no text layout, so the chart decides
 * margins, truncation and label rotation itself, from the advance widths of Fira Sans
 * (measured once in Chromium, in 1/1000 em, for U+0020..U+007E). Other characters get a
 * generous default: overestimating only costs a little space, underestimating overlaps.
 */
// prettier-ignore
const REGULAR = [
  265, 241, 399, 518, 531, 826, 729, 219, 324, 324, 439, 499, 240, 403, 240, 520, 558, 433, 495, 499,
  532, 501, 533, 444, 551, 525, 240, 240, 500, 500, 500, 459, 1020, 573, 608, 560, 644, 535, 491, 631,
  680, 295, 305, 589, 498, 778, 683, 692, 581, 691, 605, 545, 517, 662, 556, 826, 540, 550, 522, 322,
  520, 322, 540, 520, 300, 544, 594, 478, 598, 545, 335, 520, 586, 282, 280, 512, 293, 857, 586, 584,
  594, 598, 386, 467, 361, 582, 492, 717, 485, 492, 437, 322, 403, 322, 488,
];
// prettier-ignore
const BOLD = [
  237, 240, 439, 557, 549, 859, 760, 238, 325, 325, 449, 531, 240, 407, 240, 520, 585, 464, 517, 520,
  565, 536, 564, 468, 581, 560, 240, 240, 519, 519, 519, 481, 1020, 590, 617, 575, 651, 526, 487, 645,
  666, 293, 317, 633, 513, 786, 663, 691, 600, 690, 617, 572, 540, 651, 570, 847, 581, 594, 544, 324,
  520, 324, 559, 520, 340, 548, 597, 479, 600, 552, 356, 551, 577, 282, 281, 552, 297, 845, 577, 584,
  597, 600, 401, 483, 386, 572, 513, 749, 512, 518, 459, 324, 376, 324, 514,
];
const ELLIPSIS = '…';

function advance(codePoint: number, bold: boolean): number {
  if (codePoint >= 0x20 && codePoint <= 0x7e) return (bold ? BOLD : REGULAR)[codePoint - 0x20] ?? 600;
  if (codePoint === 0x2026) return 740;
  if (codePoint === 0xa0) return 265;
  // CJK, emoji and the like are roughly square.
  return codePoint >= 0x2e80 ? 1000 : 620;
}

/** Width in the same unit as fontSize (mm here). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += advance(ch.codePointAt(0) ?? 0, bold);
  return (units / 1000) * fontSize;
}

/**
 * Shortens text to maxWidth with a trailing ellipsis. Works per code point so a
 * surrogate pair is never split. Returns '' when not even the ellipsis fits.
 */
export function truncate(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const room = maxWidth - textWidth(ELLIPSIS, fontSize, bold);
  if (room < 0) return '';
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = (advance(ch.codePointAt(0) ?? 0, bold) / 1000) * fontSize;
    if (width + w > room) break;
    out += ch;
    width += w;
  }
  return out.trimEnd() + ELLIPSIS;
}

/**
 * Greedy word wrap into at most maxLines lines; the last line takes the rest and is
 * truncated. `exact` is false when a word had to be cut, so a caller can try another
 * layout (x labels rotate instead of wrapping when a word does not fit).
 */
export function wrap(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines: number,
  bold = false,
): { lines: string[]; exact: boolean } {
  const words = text.split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  let i = 0;
  for (; i < words.length && lines.length < maxLines - 1; i++) {
    const word = words[i] ?? '';
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current === '' || textWidth(candidate, fontSize, bold) <= maxWidth) {
      current = candidate;
    } else {
      lines.push(current);
      current = word;
    }
  }
  const rest = [current, ...words.slice(i)].filter((w) => w !== '').join(' ');
  if (rest !== '' || lines.length === 0) lines.push(rest);
  const fitted = lines.map((line) => truncate(line, maxWidth, fontSize, bold));
  return { lines: fitted, exact: fitted.every((line, k) => line === lines[k]) };
}
