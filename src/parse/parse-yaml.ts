import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { inputError, type SourcePosition } from '../diagnostics/diagnostic.js';

/** A parsed YAML value that can say where each of its fields was written. */
export interface LocatedValue {
  value: unknown;
  /** The position of the value at `path`, or of its nearest existing ancestor. */
  locate(path: readonly (string | number)[]): SourcePosition;
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
    const message = first.message.split('\n')[0] ?? first.message;
    throw inputError(
      toPos(first.pos[0]),
      `YAML syntax error: ${message}`,
      yamlHint(first.code),
    );
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  return {
    value,
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
        const range = node && (isMap(node) || isSeq(node) || 'range' in node) ? node.range : undefined;
        if (range) {
          // For a key/value pair point at the key, which is where editors put the cursor.
          const key = n > 0 ? keyOffset(doc.contents, path.slice(0, n)) : undefined;
          return toPos(key ?? range[0]);
        }
      }
      return { file, line: 1 + lineOffset, column: 1 };
    },
  };
}

function keyOffset(root: unknown, path: readonly (string | number)[]): number | undefined {
  let node: unknown = root;
  let offset: number | undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === part);
      if (!pair) return undefined;
      offset = (pair.key as { range?: [number, number, number] }).range?.[0];
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as { range?: [number, number, number] } | undefined;
      offset = item?.range?.[0];
      node = item;
    } else {
      return undefined;
    }
  }
  return offset;
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping; remove or rename the second one';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation: nested keys need the same number of spaces, and no tabs';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value containing ": " must be quoted, e.g. betreft: "Voortgang: stand van zaken"';
    default:
      return 'fix the YAML at this position; quote values that contain ":" or "#"';
  }
}
