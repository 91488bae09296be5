import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { inputError, offsetToLineColumn } from '../diagnostics/diagnostic.js';
import { decodeText } from './decode-text.js';
import { parseYaml, type LocatedValue } from './parse-yaml.js';

/** A Markdown file split into front matter (with positions) and body. */
export interface ParsedSection {
  file: string;
  frontMatter: LocatedValue;
  body: string;
  /** The 1-based line in `file` where `body` starts. */
  bodyLine: number;
}

export function parseSection(file: string): ParsedSection {
  return parseSectionText(decodeText(readFileSync(file), file), file);
}

/**
 * gray-matter only splits the file here; the front matter itself goes through the
 * `yaml` parser, which keeps positions, so a mistake is reported at its own line.
 */
export function parseSectionText(text: string, file: string): ParsedSection {
  // The engine returns nothing: gray-matter caches parsed objects by content, and the
  // real parse below must see every call.
  const split = matter(text, { engines: { yaml: () => ({}) } });
  if (!split.matter && !/^---[ \t]*\n/.test(text)) {
    return { file, frontMatter: parseYaml('', file), body: text, bodyLine: 1 };
  }
  const bodyStart = text.length - split.content.length;
  if (/^---[ \t]*\n/.test(text) && !/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    throw inputError(
      { file, line: 1, column: 1 },
      'front matter is opened with "---" but never closed',
      'add a line with only "---" after the last front matter field',
    );
  }
  const frontMatter = parseYaml(split.matter.replace(/^\n/, ''), file, 1);
  const v = frontMatter.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw inputError(
      { file, line: 2, column: 1 },
      'front matter must be a mapping of fields (key: value)',
      'write one field per line, e.g. "titel: Inleiding"',
    );
  }
  return {
    file,
    frontMatter,
    body: split.content,
    bodyLine: offsetToLineColumn(text, bodyStart).line,
  };
}
