/**
 * Whether a heading's text already starts with a number as authors type them: "1.",
 * "1.1", "a.", "II.1.1", "Hoofdstuk 3". A scheme would then number it twice. Years
 * ("2025 in cijfers") and words ("Aanpak") are not numbers.
 */
const PATTERNS = [
  /^(hoofdstuk|paragraaf|deel|pijler|prioriteit|bijlage)\s+([0-9]+|[IVXLCDM]+)\b/i,
  /^[0-9]{1,3}(\.[0-9]{1,3})*\.(\s|$)/,
  /^[0-9]{1,3}(\.[0-9]{1,3})+\s/,
  /^[IVXLC]{1,6}(\.[0-9]{1,3})*\.(\s|$)/,
  /^[IVXLC]{1,6}(\.[0-9]{1,3})+\s/,
  /^[a-z]\.\s/,
];

export function handTypedNumber(text: string): string | undefined {
  const t = text.trimStart();
  for (const p of PATTERNS) {
    const m = p.exec(t);
    if (m) return m[0].trim();
  }
  return undefined;
}
