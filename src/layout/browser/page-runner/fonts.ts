/*
 * Layout measured with a fallback font would be wrong, so every face the text needs
 * is loaded before the first measurement. The @font-face rules sit in a <style>
 * before the runner's script: the faces for basic Latin start loading at once, while
 * the body is parsed; a face for other characters (latin-ext) only when the text has them.
 */

/** A face's unicode-range ("U+0000-00FF, U+0131, U+02??") as [first, last] pairs. */
export function rangesOf(face: FontFace): [number, number][] {
  const ranges: [number, number][] = [];
  for (const part of (face.unicodeRange || 'U+0-10FFFF').split(',')) {
    const m = /U\+([0-9A-F?]+)(?:-([0-9A-F]+))?/i.exec(part.trim());
    if (!m || m[1] === undefined) continue;
    const lo = parseInt(m[1].replace(/\?/g, '0'), 16);
    const hi = m[2] ? parseInt(m[2], 16) : parseInt(m[1].replace(/\?/g, 'F'), 16);
    ranges.push([lo, hi]);
  }
  return ranges;
}

const within = (ranges: [number, number][], code: number): boolean => ranges.some(([lo, hi]) => code >= lo && code <= hi);

/** Starts the basic faces now; the promise settles when every face the text needs has loaded. */
export function loadFonts(domReady: Promise<void>): Promise<unknown> {
  const fontLoads: Promise<FontFace>[] = [];
  const waiting: [FontFace, [number, number][]][] = [];
  document.fonts.forEach((face) => {
    // Each range list is read once: the fallback faces list hundreds of ranges, and
    // reading them again for every character the letter uses took 30 ms of a render.
    const ranges = rangesOf(face);
    if (within(ranges, 'A'.charCodeAt(0))) fontLoads.push(face.load());
    else waiting.push([face, ranges]);
  });
  return domReady.then(() => {
    const used = new Set<number>();
    // The page furniture waits in <template>s, outside the body's text.
    let text = document.body ? (document.body.textContent ?? '') : '';
    document.querySelectorAll('template').forEach((t) => {
      text += t.content.textContent ?? '';
    });
    // By code point: a character beyond U+FFFF (𝑥, in the math face) is two code units.
    // Not for…of, whose string iterator cost 150 ms over a 200-page report's text.
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      used.add(code);
      if (code > 0xffff) i++;
    }
    const codes = [...used];
    for (const [face, ranges] of waiting) {
      if (codes.some((c) => within(ranges, c))) fontLoads.push(face.load());
    }
    return Promise.all(fontLoads);
  });
}
