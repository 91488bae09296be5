import { inputError, offsetToLineColumn, wholeFile } from '../diagnostics/diagnostic.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

const SAVE_AS_UTF8 = 'save the file as UTF-8 (in most editors: "Save with encoding" > UTF-8)';

/**
 * Decodes an input file as UTF-8, dropping a BOM and normalising CRLF, so that every
 * later stage sees the same text whatever editor wrote the file.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  refuseNonText(bytes, file);
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    // The lenient decode marks the first bad byte with U+FFFD, which gives its position.
    const loose = lenient.decode(bytes);
    const pos = offsetToLineColumn(loose, Math.max(0, loose.indexOf('\uFFFD')));
    throw inputError({ file, ...pos }, 'file is not valid UTF-8 (it looks like Windows-1252 or Latin-1)', SAVE_AS_UTF8);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}

/**
 * UTF-16 (Word's and Notepad's "Unicode") and binary files are not mistakes in one
 * character, so "not valid UTF-8 at 1:2" would send the author looking for a typo.
 * They are recognised by their BOM or by NUL bytes, which no text file contains.
 */
function refuseNonText(bytes: Uint8Array, file: string): void {
  const [b0, b1] = [bytes[0], bytes[1]];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const order = b0 === 0xff ? 'little-endian' : 'big-endian';
    throw inputError(wholeFile(file), `file is encoded as UTF-16 (${order}), not UTF-8`, SAVE_AS_UTF8);
  }
  const nul = bytes.indexOf(0);
  if (nul < 0) return;
  const before = lenient.decode(bytes.subarray(0, nul));
  const pos = offsetToLineColumn(before, before.length);
  // UTF-16 without a BOM has a NUL next to nearly every ASCII letter.
  const sample = bytes.subarray(0, 200);
  const nuls = sample.filter((b) => b === 0).length;
  if (nuls * 3 >= sample.length) {
    throw inputError(wholeFile(file), 'file looks like UTF-16 text without a BOM, not UTF-8', SAVE_AS_UTF8);
  }
  throw inputError(
    { file, ...pos },
    'file contains NUL bytes: it is a binary file, not text',
    'a letter project holds text files here (Markdown, YAML, JSON, CSV); put images next to the text and refer to them with ![…](file.png)',
  );
}
