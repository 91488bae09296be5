import { isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { inputError, type SourcePosition } from '../diagnostics/diagnostic.js';

/**
 * Which end of a `key: value` pair a diagnostic points at: the key for a field that is
 * misspelt or missing, the value for a field whose value is wrong (a bad date, "ja"
 * for a boolean), since that is what the author has to retype.
 */
export type Anchor = 'key' | 'value';

/** A parsed YAML value that can say where each of its fields was written. */
export interface LocatedValue {
  value: unknown;
  /** The position of the field at `path` (its key unless `anchor` is "value"), or of its nearest existing ancestor. */
  locate(path: readonly (string | number)[], anchor?: Anchor): SourcePosition;
}

/**
 * Parses YAML keeping positions. `lineOffset` shifts lines for YAML that is embedded
 * in another file (front matter starts on line 2 of a Markdown file).
 */
export function parseYaml(text: string, file: string, lineOffset = 0): LocatedValue {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPos = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + lineOffset, column: col };
  };
  const first = doc.errors[0];
  if (first) {
    const raw = first.message.split('\n')[0] ?? first.message;
    // yaml catches its own stack overflow on "[[[[…" and reports it as a syntax error.
    const message = /call stack/i.test(raw)
      ? 'the values are nested too deeply'
      : first.code === 'MULTIPLE_DOCS'
        ? 'a second "---" line starts another YAML document'
        : raw;
    const quote = unclosedQuote(text, first.code, message, first.pos[0]);
    const indented = quote ? undefined : overIndentedField(text, first.code, first.pos[0]);
    const flow = quote || indented !== undefined ? undefined : unclosedFlow(text, message, first.pos[0]);
    throw inputError(
      toPos(quote?.offset ?? indented ?? flow ?? first.pos[0]),
      `YAML syntax error: ${message}`,
      quote
        ? `add the closing ${quote.char} at the end of the value`
        : indented !== undefined
          ? 'this line is indented further than the field above it; give it the same indentation'
          : yamlHint(first.code, message),
    );
  }
  const value = toValue(doc, toPos);
  return {
    value,
    locate(path, anchor = 'key') {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
        const range = node && (isMap(node) || isSeq(node) || 'range' in node) ? node.range : undefined;
        if (range) {
          // For a key/value pair point at the key, which is where editors put the cursor,
          // unless the caller asks for the value itself and it exists.
          const wantValue = anchor === 'value' && n === path.length && n > 0;
          const key = n > 0 && !wantValue ? keyRange(doc.contents, path.slice(0, n)) : undefined;
          // A range for a key or a one-line value; a block (a map or list) has its start only.
          const [from, to] = key ?? (isMap(node) || isSeq(node) ? [range[0], undefined] : [range[0], range[1]]);
          const start = toPos(from);
          const end = to === undefined ? undefined : toPos(to);
          return end && end.line === start.line && end.column > start.column ? { ...start, end: { line: end.line, column: end.column } } : start;
        }
      }
      return { file, line: 1 + lineOffset, column: 1 };
    },
  };
}

/**
 * Aliases can multiply a few lines into gigabytes ("billion laughs"); yaml refuses more
 * than `maxAliasCount` expansions with a ReferenceError, which is the author's input
 * and so a diagnostic, at the first alias.
 */
function toValue(doc: Document, toPos: (offset: number) => SourcePosition): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    const message = String((err as Error)?.message ?? err).split('\n')[0] ?? '';
    // "Unresolved alias (…): a" names the alias that has no anchor before it.
    const unresolved = /^Unresolved alias.*: (.+)$/.exec(message)?.[1];
    let alias: number | undefined;
    visit(doc, { Alias: (_, node) => void (alias ??= unresolved === undefined || node.source === unresolved ? node.range?.[0] : undefined) });
    throw unresolved !== undefined
      ? inputError(toPos(alias ?? 0), `YAML alias *${unresolved} refers to no anchor &${unresolved} before it`, `write &${unresolved} on the value to repeat, above this line, or write the value out`)
      : inputError(toPos(alias ?? 0), `YAML aliases expand too far: ${message}`, 'write the values out instead of repeating them through *aliases');
  }
}

function keyRange(root: unknown, path: readonly (string | number)[]): [number, number | undefined] | undefined {
  let node: unknown = root;
  let offset: [number, number | undefined] | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === part);
      if (!pair) return undefined;
      const r = (pair.key as { range?: [number, number, number] }).range;
      offset = r ? [r[0], r[1]] : undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as { range?: [number, number, number] } | undefined;
      offset = item?.range ? [item.range[0], undefined] : undefined;
      node = item;
    } else {
      return undefined;
    }
  }
  return offset;
}

/**
 * `yaml` reports an unclosed quote at the end of the file, where nothing can be fixed;
 * the author needs the quote that opened the value. With no closing quote after it,
 * that is the last one of its kind before the end.
 */
function unclosedQuote(text: string, code: string, message: string, end: number): { offset: number; char: string } | undefined {
  const char = code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(message)?.[1] : undefined;
  if (!char) return undefined;
  let offset = text.lastIndexOf(char, end - 1);
  while (char === '"' && offset > 0 && text[offset - 1] === '\\') offset = text.lastIndexOf(char, offset - 2);
  return offset >= 0 ? { offset, char } : undefined;
}

/**
 * "regio: [Noord, Zuid" is reported on the next line, where yaml finds no "]"; the
 * author has to close the list that opened with the last unmatched "[" (or "{").
 */
function unclosedFlow(text: string, message: string, end: number): number | undefined {
  const close = /end with a ([\]}])/.exec(message)?.[1];
  if (!close) return undefined;
  const openChar = close === ']' ? '[' : '{';
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < Math.min(end, text.length); i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === openChar) stack.push(i);
    else if (c === close) stack.pop();
  }
  return stack[stack.length - 1];
}

/**
 * "adviezen: 12\n  regio: Noord" makes YAML read "12 regio: Noord" as one value and
 * complain at "12". The mistake is the indentation of the next line, so point there.
 */
function overIndentedField(text: string, code: string, offset: number): number | undefined {
  if (code !== 'BLOCK_AS_IMPLICIT_KEY') return undefined;
  const lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0 || /:(\s|$)/.test(text.slice(offset, lineEnd))) return undefined;
  const next = /^[ \t]+(?=\S[^\n]*:(\s|$))/m.exec(text.slice(lineEnd + 1));
  return next && next.index === 0 ? lineEnd + 1 + next[0].length : undefined;
}

function yamlHint(code: string, message: string): string {
  switch (code) {
    case 'MULTIPLE_DOCS':
      return 'a file holds one YAML document; remove the second "---" line or move what follows into its own file';
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping; remove or rename the second one';
    case 'TAB_AS_INDENT':
      return 'indent with spaces; YAML does not allow tabs';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      if (/end with a \]/.test(message)) return 'close the list with "]" on the line where it starts, e.g. regio: [Noord, Zuid]';
      if (/end with a \}/.test(message)) return 'close the mapping with "}" on the line where it starts';
      return 'check the indentation: nested keys need the same number of spaces, and no tabs';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value containing ": " must be quoted, e.g. betreft: "Voortgang: stand van zaken"';
    default:
      return 'fix the YAML at this position; quote values that contain ":" or "#"';
  }
}
