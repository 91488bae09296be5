/**
 * Escapes text from a record for use inside generated Markdown, so a title with an
 * asterisk or a bracket stays literal. Table cells also need their pipes escaped and
 * must stay on one line.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

export function tableCell(markdown: string): string {
  return markdown.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}
