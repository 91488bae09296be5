/**
 * Characters XML 1.0 forbids outright (C0 controls other than tab/newline/CR, U+FFFE/F)
 * and lone UTF-16 surrogates. Escaping cannot save them, so they are dropped: one stray
 * control character from a spreadsheet would otherwise make the whole SVG unparseable.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes author text safe to place in XML and predictable to measure: invalid characters
 * removed and XML whitespace collapsed, as SVG would collapse it when drawing anyway.
 * A non-breaking space is not XML whitespace and is kept on purpose ("x 1.000").
 */
export function cleanText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[ \t\r\n]+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes for both text content and attribute values (quotes included). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
