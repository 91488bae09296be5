import { inputError, offsetToLineColumn } from '../diagnostics/diagnostic.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Decodes an input file as UTF-8, dropping a BOM and normalising CRLF, so that every
 * later stage sees the same text whatever editor wrote the file.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    // The lenient decode marks the first bad byte with U+FFFD, which gives its position.
    const loose = lenient.decode(bytes);
    const pos = offsetToLineColumn(loose, Math.max(0, loose.indexOf('\uFFFD')));
    throw inputError(
      { file, ...pos },
      'file is not valid UTF-8 (it looks like Windows-1252 or Latin-1)',
      'save the file as UTF-8 (in most editors: "Save with encoding" > UTF-8)',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}
