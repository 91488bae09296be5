import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * GitHub's allowlist, plus what the letter's own Markdown stages produce: footnote
 * spans and table alignment. Raw HTML from authors goes through the same list, so
 * scripts, event handlers, iframes and javascript: URLs never reach the page.
 */
export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  // The footnote stage numbers notes by data-footnote; ids are set after sanitising.
  attributes: {
    ...defaultSchema.attributes,
    // vb-noot-alinea: the second and later paragraphs of a footnote (remark-inline-footnotes.ts).
    span: [...(defaultSchema.attributes?.span ?? []), ['className', 'footnote', 'vb-noot-alinea'], 'dataFootnote'],
    th: [...(defaultSchema.attributes?.th ?? []), 'align'],
    td: [...(defaultSchema.attributes?.td ?? []), 'align'],
  },
  tagNames: [...(defaultSchema.tagNames ?? []), 'span', 'abbr', 'figure', 'figcaption'],
  // Removed with their content: the text of a <style> or <template> is no prose, and
  // as plain text it would appear in the PDF (issue 12).
  strip: [...(defaultSchema.strip ?? []), 'style', 'template', 'noscript', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe', 'object'],
};
