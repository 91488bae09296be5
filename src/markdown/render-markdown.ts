import type { Root as MdastRoot } from 'mdast';
import { unified, type Data, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { InputError, inputError, type Diagnostic, type SourcePosition } from '../diagnostics/diagnostic.js';
import type { FootnoteCounter } from './footnote-counter.js';
import { remarkDutchQuotes } from './remark-dutch-quotes.js';
import { remarkInlineFootnotes } from './remark-inline-footnotes.js';
import { rehypeHeadings, type CollectedHeading } from './rehype-headings.js';
import { rehypeCaptions, type CollectedCaption } from './rehype-captions.js';
import type { PartNumbering } from '../numbering/part-numbering.js';
import type { LabelTarget } from '../numbering/label-target.js';
import { SANITIZE_SCHEMA } from './sanitize-schema.js';
import { rehypeFootnoteClasses } from './rehype-footnote-classes.js';
import { rehypeUrlBreaks } from './rehype-url-breaks.js';
import { rehypeHyphenate } from './rehype-hyphenate.js';
import { rehypeCheckMedia } from './rehype-check-media.js';
import { rehypeInlineCharts } from './rehype-inline-charts.js';
import { rehypeSourceMarks } from './rehype-source-marks.js';
import { rehypeRawWhereNeeded } from './rehype-raw-where-needed.js';
import type { AssetMap } from '../model/asset-map.js';
import type { PositionMap } from '../diagnostics/position-map.js';
import type { Huisstijl } from '../records/format-citation.js';
import type { KnownCitations } from '../records/lint-citations.js';

export interface MarkdownInput {
  file: string;
  /** Markdown after template expansion. */
  text: string;
  /** The file line on which `text` starts. */
  bodyLine: number;
  /** From offsets in `text` back to the author's source. */
  map: PositionMap;
  idPrefix: string;
  /** The counters of the numbered part this text belongs to; undefined: never numbered. */
  numbering: PartNumbering | undefined;
  /** Question headings, see rehype-headings.ts. */
  vragen?: 'genummerd' | 'vraag-antwoord' | undefined;
  projectRoot: string;
  /** Images found in the text are registered here. */
  assets: AssetMap;
  /** `recht` keeps the author's straight quotes; default: Dutch curly quotes. */
  aanhalingstekens?: 'gekruld' | 'recht' | undefined;
  /** Dutch hyphenation with soft hyphens (`afbreken: true`). */
  afbreken?: boolean | undefined;
  /** The letter's house style: the author's own citations in footnotes are checked against it. */
  huisstijl?: Huisstijl | undefined;
  /** The project's records by their citation, for a hint on a hand-written one. */
  knownCitations?: KnownCitations | undefined;
  /** Mark block elements with where the author wrote them (rehype-source-marks.ts), for the page runner's warnings. */
  sourceMarks?: boolean | undefined;
}


/** One Markdown part turned into safe HTML, with what the layout needs to know about it. */
export interface RenderedSection {
  html: string;
  headings: CollectedHeading[];
  captions: CollectedCaption[];
  /** Headings, tables and figures with a {#label}. */
  targets: LabelTarget[];
  /** With `sourceMarks`: each mark in `html` → the place in the author's source. */
  marks?: Record<string, SourcePosition>;
}

/** A tag, comment, declaration or processing instruction: what CommonMark may read as raw HTML. */
const RAW_HTML = /<[A-Za-z!?/]/;

/**
 * GFM's literal autolinks (www.example.nl, https://…, an e-mail address) cannot start
 * without one of these. micromark tries them at every letter and digit of the text,
 * ~5% of a cold check, so a text that has none leaves them out: the tree is the same.
 */
export const LITERAL_AUTOLINK = /@|www\.|https?:\/\//i;

/**
 * A character reference (`&#64;`) or a backslash escape (`www\.`) can put into a text
 * node what the source does not show; GFM's tree transform then still links it.
 */
const DECODED_CHARACTERS = /[&\\]/;

/**
 * Leaves GFM's literal autolinks out: micromark's constructs, and in a text without
 * DECODED_CHARACTERS also the tree transform that looks for them in every text node
 * once more (mdast-util-gfm-autolink-literal), ~1.5% of a cold check.
 */
export function remarkWithoutLiteralAutolinks(this: Processor, options: { text: string }) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ['wwwAutolink', 'protocolAutolink', 'emailAutolink'] } });
  if (!DECODED_CHARACTERS.test(options.text)) data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map(withoutAutolinkTransform);
}

type FromMarkdownExtensions = NonNullable<Data['fromMarkdownExtensions']>;

function withoutAutolinkTransform(extension: FromMarkdownExtensions[number]): FromMarkdownExtensions[number] {
  if (Array.isArray(extension)) return extension.map(withoutAutolinkTransform) as typeof extension;
  return extension.enter && 'literalAutolink' in extension.enter ? { ...extension, transforms: [] } : extension;
}

/* A URL shown as its own text (an autolink) is a URL, not prose: its quotes go back. */
function remarkUrlTextAsTyped() {
  return (tree: MdastRoot) => {
    visit(tree, 'link', (link) => {
      const only = link.children.length === 1 ? link.children[0] : undefined;
      if (only?.type !== 'text') return;
      const straight = only.value.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
      if (straight === link.url || `mailto:${straight}` === link.url || `http://${straight}` === link.url) only.value = straight;
    });
  };
}

export function renderMarkdown(input: MarkdownInput, counter: FootnoteCounter, warnings: Diagnostic[]): RenderedSection {
  const headings: CollectedHeading[] = [];
  // Each check adds its mistakes here and the text is processed to the end, so one run reports them all.
  const errors: Diagnostic[] = [];
  const captions: CollectedCaption[] = [];
  const targets: LabelTarget[] = [];
  const marks: Record<string, SourcePosition> = {};
  const where = { file: input.file, lineOffset: input.bodyLine - 1, warnings };
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(LITERAL_AUTOLINK.test(input.text) ? [] : [[remarkWithoutLiteralAutolinks, { text: input.text }]])
    .use(input.aanhalingstekens === 'recht' || !/['"]/.test(input.text) ? [] : [remarkDutchQuotes, remarkUrlTextAsTyped])
    .use(remarkInlineFootnotes, { counter, map: input.map, warnings, errors, huisstijl: input.huisstijl, knownCitations: input.knownCitations })
    .use(remarkRehype, { allowDangerousHtml: true })
    // parse5 re-parses the whole tree, a sixth of a cold check; text without a tag has no raw HTML to parse.
    .use(RAW_HTML.test(input.text) ? [rehypeRawWhereNeeded] : [])
    .use(rehypeSanitize, SANITIZE_SCHEMA)
    .use(rehypeCheckMedia, { map: input.map, projectRoot: input.projectRoot, assets: input.assets, errors })
    .use(rehypeInlineCharts, { assets: input.assets })
    .use(rehypeFootnoteClasses)
    .use(rehypeUrlBreaks)
    .use(input.afbreken ? [rehypeHyphenate] : [])
    .use(rehypeHeadings, { numbering: input.numbering, idPrefix: input.idPrefix, collected: headings, targets, vragen: input.vragen, ...where })
    .use(rehypeCaptions, { numbering: input.numbering, idPrefix: input.idPrefix, captions, targets, ...where })
    .use(input.sourceMarks ? [[rehypeSourceMarks, { map: input.map, prefix: input.idPrefix, marks }]] : [])
    // Raw nodes exist only for charts we generated (rehype-raw has parsed all others).
    .use(rehypeStringify, { allowDangerousHtml: true });
  let html: string;
  try {
    html = String(processor.processSync(input.text));
  } catch (err) {
    // Thousands of nested HTML elements exhaust the stack of the tree walkers.
    if (err instanceof RangeError) {
      throw inputError(
        input.map.locate(undefined),
        'the text is nested too deeply to process (elements inside elements, thousands of levels)',
        'remove the nested raw HTML; Markdown lists and quotes need only a few levels',
        'nesting-too-deep',
      );
    }
    throw err;
  }
  if (errors.length) throw new InputError(errors);
  return { html, headings, captions, targets, ...(input.sourceMarks ? { marks } : {}) };
}
