/*
 * Layout measured with a fallback font would be wrong, so every face the text needs
 * is loaded before the first measurement. The @font-face rules sit in a <style>
 * before the runner's script: the faces for basic Latin start loading at once, while
 * the body is parsed; a face for other characters (latin-ext) only when the text has them.
 */

/** Whether a face's unicode-range ("U+0000-00FF, U+0131, U+02??") holds a code point. */
export function covers(face: FontFace, code: number): boolean {
  const range = face.unicodeRange || 'U+0-10FFFF';
  return range.split(',').some((part) => {
    const m = /U\+([0-9A-F?]+)(?:-([0-9A-F]+))?/i.exec(part.trim());
    if (!m || m[1] === undefined) return false;
    const lo = parseInt(m[1].replace(/\?/g, '0'), 16);
    const hi = m[2] ? parseInt(m[2], 16) : parseInt(m[1].replace(/\?/g, 'F'), 16);
    return code >= lo && code <= hi;
  });
}

/** Starts the basic faces now; the promise settles when every face the text needs has loaded. */
export function loadFonts(domReady: Promise<void>): Promise<unknown> {
  const fontLoads: Promise<FontFace>[] = [];
  const waiting: FontFace[] = [];
  document.fonts.forEach((face) => {
    if (covers(face, 'A'.charCodeAt(0))) fontLoads.push(face.load());
    else waiting.push(face);
  });
  return domReady.then(() => {
    const used = new Set<number>();
    // The page furniture waits in <template>s, outside the body's text.
    let text = document.body ? (document.body.textContent ?? '') : '';
    document.querySelectorAll('template').forEach((t) => {
      text += t.content.textContent ?? '';
    });
    for (let i = 0; i < text.length; i++) used.add(text.charCodeAt(i));
    const codes = [...used];
    for (const face of waiting) {
      if (codes.some((c) => covers(face, c))) fontLoads.push(face.load());
    }
    return Promise.all(fontLoads);
  });
}
