/**
 * The largest inputs a build reads. They keep a build quick and its memory small
 * whatever is dropped into a project: Markdown goes through remark, whose table parsing
 * grows faster than linearly (a 1 MB table takes some 20 s), and a letter is read by
 * people. 256 KiB of Markdown is about 40,000 words, far beyond any section of a
 * Kamerbrief; a long voortgangsbrief with bijlagen is some 70 KB in all. 8 MiB of data
 * holds a CSV of 50,000 rows several times over. The README's "Limits" lists them.
 */
export const LIMITS = {
  /** One Markdown file: brief.md, a section or a bijlage. */
  markdown: 256 * 1024,
  /** One file in data/. */
  data: 8 * 1024 * 1024,
  /** One template, partial or config file. */
  template: 256 * 1024,
} as const;

/** All Markdown files of one letter together. */
export const MAX_MARKDOWN_TOTAL = 1024 * 1024;

export type InputKind = keyof typeof LIMITS;

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${Math.round(bytes / 1024)} KiB`;
}
