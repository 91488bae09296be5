import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';

/*
 * Dutch typesetting: ‘…’ and “…”, and ’ for the apostrophe (regio’s), by
 * retext-smartypants. Only quotes change, one character for one, so that a position in the
 * text is the same position in what it becomes. Used for Markdown (remark-dutch-quotes.ts)
 * and for the titles an author types in front matter (betreft, titel).
 */
const processor = retext().use(retextSmartypants, {
  quotes: true,
  backticks: false,
  dashes: false,
  ellipses: false,
  openingQuotes: { double: '\u201c', single: '\u2018' },
  closingQuotes: { double: '\u201d', single: '\u2019' },
});

/** A straight quote that is not an apostrophe between two letters (regio's, cao's). */
const NOT_INNER_APOSTROPHE = /"|(?<!\p{L})'|'(?!\p{L})/u;

/* An apostrophe that stands for letters left out at a word's start: 's-Hertogenbosch,
   's avonds, 't Hooft, 'n, 'k, and a year's '90. retext-smartypants sees an opening quote
   there (‘s), as English typesetting would; Dutch sets ’. */
const ELISION = /(?<![\p{L}\p{N}])'(?=(?:[stnkmr](?![\p{L}\p{N}'])|\p{N}{2}(?!\p{N})))/gu;

/** The apostrophes of elision as ’, before the other quotes are paired. */
export function elide(text: string): string {
  return text.replace(ELISION, '\u2019');
}

/**
 * The text with its quotes curled. Most Dutch blocks hold only apostrophes inside a word,
 * and retext-smartypants makes each of those a closing single quote (a letter before it is
 * never whitespace or punctuation); such a block skips the parse, a tenth of a cold check.
 */
export function curlQuotes(text: string): string {
  if (!NOT_INNER_APOSTROPHE.test(text)) return text.replaceAll("'", '\u2019');
  const elided = elide(text);
  return /['"]/.test(elided) ? smartypants(elided) : elided;
}

/** retext-smartypants on the whole text; exported for the test that pins curlQuotes to it. */
export function smartypants(text: string): string {
  return String(processor.processSync(text));
}
