/**
 * A value as a CSS string, quoted, with every character that could end the string,
 * the declaration, the rule or the <style> element (quotes, backslash, ;, {, }, <, >,
 * line breaks, controls) written as a CSS escape. Generated CSS never interpolates a
 * raw string: each value goes through here (or is a number or a fixed keyword).
 */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    out += /[A-Za-z0-9 _.,/:-]/.test(ch) || (code > 0x9f && code !== 0x2028 && code !== 0x2029) ? ch : `\\${code.toString(16)} `;
  }
  return `${out}"`;
}

/** A URL inside url(), as a CSS string: the URL's own characters cannot end it. */
export function cssUrl(url: string): string {
  return `url(${cssString(url)})`;
}

/**
 * CSS written by the project (style.css) goes into a <style> element of the page; a
 * "</style" in it would end the element and start markup. Inside CSS, "<\/style" means
 * the same to the CSS parser, so nothing the stylesheet says is lost.
 */
export function styleElementText(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
