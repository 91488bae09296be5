import matter from 'gray-matter';
import { digest, type Codec, type Memo } from '../cache/memo.js';
import { inputError, offsetToLineColumn } from '../diagnostics/diagnostic.js';
import { checkNesting } from './check-nesting.js';
import { locatedCodec } from './located-codec.js';
import { parseYaml, type LocatedValue } from './parse-yaml.js';
import { readText } from './read-text.js';

/** A Markdown file split into front matter (with positions) and body. */
export interface ParsedSection {
  file: string;
  frontMatter: LocatedValue;
  /** The front matter's content hash: its positions change with it. */
  frontMatterVersion: string;
  body: string;
  /** The 1-based line in `file` where `body` starts. */
  bodyLine: number;
}

export function parseSection(file: string, memo?: Memo<ParsedSection>): ParsedSection {
  const text = readText(file, 'markdown');
  return memo ? memo.get([file, text], () => parseSectionText(text, file)) : parseSectionText(text, file);
}

/**
 * The parse cache's form of a section: its front matter as a value whose positions are
 * found, when asked for, by parsing the text (the memo key's second input) again.
 */
export const SECTION_CODEC: Codec<ParsedSection> = {
  encode: ({ frontMatter, ...rest }) => ({ ...rest, frontMatter: FRONT_MATTER.encode(frontMatter) }),
  decode(data, inputs) {
    const d = data as Omit<ParsedSection, 'frontMatter'> & { frontMatter: unknown };
    const frontMatter = FRONT_MATTER.decode(d.frontMatter, inputs);
    return frontMatter && typeof d.body === 'string' ? { ...d, frontMatter } : undefined;
  },
};

const FRONT_MATTER = locatedCodec(([file = '', text = '']) => parseSectionText(text, file).frontMatter);

/**
 * gray-matter's own engines include "javascript", which `eval`s a front matter that
 * opens with "---js" in this process. None of them may ever run: every engine the
 * package knows is replaced by one that parses nothing, and a language tag after the
 * opening "---" is refused before gray-matter sees the file.
 */
const inert = () => ({});
const ENGINES = { yaml: inert, json: inert, javascript: inert, coffee: inert, toml: inert };

/**
 * gray-matter only splits the file here; the front matter itself goes through the
 * `yaml` parser, which keeps positions, so a mistake is reported at its own line.
 */
export function parseSectionText(text: string, file: string): ParsedSection {
  refuseFrontMatterLanguage(text, file);
  // The engines return nothing: gray-matter caches parsed objects by content, and the
  // real parse below must see every call.
  const split = matter(text, { engines: ENGINES });
  if (!split.matter && !/^---[ \t]*\n/.test(text)) {
    checkNesting(text, file, 1);
    return { file, frontMatter: parseYaml('', file), frontMatterVersion: '', body: text, bodyLine: 1 };
  }
  const bodyStart = text.length - split.content.length;
  if (/^---[ \t]*\n/.test(text) && !/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    throw inputError(
      // The opening fence is the place: where the block starts that has no end.
      { file, ...offsetToLineColumn(text, 0), end: offsetToLineColumn(text, 3) },
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
  const bodyLine = offsetToLineColumn(text, bodyStart).line;
  checkNesting(split.content, file, bodyLine);
  return { file, frontMatter, frontMatterVersion: digest([split.matter]), body: split.content, bodyLine };
}

/** "---js", "---json", "--- toml": front matter in this project is YAML and nothing else. */
function refuseFrontMatterLanguage(text: string, file: string): void {
  const tag = /^---[ \t]*([^\s-][^\n]*?)[ \t]*(\n|$)/.exec(text)?.[1];
  if (tag === undefined) return;
  throw inputError(
    { file, line: 1, column: text.indexOf(tag) + 1 },
    `front matter marked as "${tag}" is not supported: front matter is YAML`,
    `remove "${tag}" so that the first line is only "---"; a letter never runs code`,
  );
}
