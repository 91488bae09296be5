/**
 * Handlebars says little about where an error is: a parse error only has a line and a
 * 20-character excerpt with a caret, and an unclosed block is reported at the end of
 * the file. These helpers look at the template source to find the place an author has
 * to fix. Lines and columns are 1-based; offsets 0-based.
 */

/**
 * The offset of the caret in a jison excerpt ("...{{naam}} |foo\n------^"). The excerpt
 * is the last 20 characters before the error plus the next 20, newlines removed, so
 * the offset is found by rebuilding the excerpt at each candidate offset.
 */
export function parseErrorOffset(source: string, line: number, excerpt: string, caret: number): number | undefined {
  const before = excerpt.slice(0, caret);
  const after = excerpt.slice(caret).replace(/\.\.\.$/, '');
  let first: number | undefined;
  for (let offset = 0; offset <= source.length; offset++) {
    const shown = (offset > 20 ? '...' : '') + source.slice(Math.max(0, offset - 20), offset).replace(/\n/g, '');
    if (shown !== before || !source.slice(offset, offset + 20).replace(/\n/g, '').startsWith(after)) continue;
    // The same excerpt can occur twice; prefer the one on the reported line.
    if (offsetToPosition(source, offset).line === line) return offset;
    first ??= offset;
  }
  return first;
}

// {{#each x}}, {{^if x}}, {{#> layout}}, {{#*inline "n"}} open; {{/name}} closes.
const BLOCK_TAG = /\{\{~?\s*([#^/])\s*[*>]?\s*([^\s}~]+)/g;

/**
 * The innermost `{{#block}}` that has no `{{/block}}`: where an author adds the closing
 * tag is decided by where the block starts, not by the end of the file.
 */
export function unclosedBlock(source: string): { offset: number; name: string } | undefined {
  const stack: { offset: number; name: string }[] = [];
  for (const m of blankComments(source).matchAll(BLOCK_TAG)) {
    const name = m[2] ?? '';
    if (m[1] === '/') {
      const i = stack.map((b) => b.name).lastIndexOf(name);
      if (i >= 0) stack.length = i;
    } else {
      stack.push({ offset: m.index, name });
    }
  }
  return stack[stack.length - 1];
}

/**
 * The `{{…}}` expression, without its braces, around (line, column). Runtime errors
 * point at the name inside the braces, so the opening braces are searched backwards.
 */
export function mustacheAt(source: string, line: number, column: number): string | undefined {
  const start = lineStart(source, line);
  if (start === undefined) return undefined;
  const at = start + column - 1;
  const open = source.lastIndexOf('{{', at);
  if (open < 0 || source.slice(open, at).includes('}}')) return undefined;
  const m = /^\{\{\{?~?([^}]*?)~?\}?\}\}/.exec(source.slice(open));
  return m?.[1]?.trim();
}

export function offsetToPosition(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - nl };
}

function lineStart(source: string, line: number): number | undefined {
  let offset = 0;
  for (let n = 1; n < line; n++) {
    const nl = source.indexOf('\n', offset);
    if (nl < 0) return undefined;
    offset = nl + 1;
  }
  return offset;
}

/** Comments may mention "{{#each}}" in prose; blank them out, keeping every offset. */
function blankComments(source: string): string {
  return source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) => c.replace(/[^\n]/g, ' '));
}

/** A `{{> name}}` in a template, with where it is written. */
export interface PartialCall {
  name: string;
  line: number;
  column: number;
  /** Inside a block ({{#if}}, {{#each}}, …), so it may not run at all. */
  conditional: boolean;
}

type AstNode = { type: string; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;

/**
 * The partials a template includes by a fixed name. A dynamic name
 * (`{{> (lookup …)}}`) is not known before rendering and is left out.
 */
export function partialCalls(ast: unknown): PartialCall[] {
  const calls: PartialCall[] = [];
  const walk = (node: unknown, conditional: boolean): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as AstNode;
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
      const name = n.name as AstNode | undefined;
      if (name?.type === 'PathExpression' && n.loc) {
        calls.push({ name: String(name.original), line: n.loc.start.line, column: n.loc.start.column + 1, conditional });
      }
    }
    const inBlock = conditional || n.type === 'BlockStatement' || n.type === 'PartialBlockStatement' || n.type === 'DecoratorBlock';
    if (Array.isArray(n.body)) for (const child of n.body) walk(child, conditional);
    for (const key of ['program', 'inverse'] as const) if (n[key]) walk(n[key], inBlock);
  };
  walk(ast, false);
  return calls;
}

/**
 * A partial that always includes itself, directly or through others, never ends.
 * Returns the calls that form the first such cycle, in order, or undefined.
 */
export function unconditionalCycle(calls: ReadonlyMap<string, PartialCall[]>): { from: string; call: PartialCall }[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: { from: string; call: PartialCall }[] = [];
  const visit = (name: string): { from: string; call: PartialCall }[] | undefined => {
    state.set(name, 'open');
    for (const call of calls.get(name) ?? []) {
      if (call.conditional || !calls.has(call.name)) continue;
      path.push({ from: name, call });
      if (state.get(call.name) === 'open') return path.slice(path.findIndex((p) => p.from === call.name));
      if (!state.has(call.name)) {
        const found = visit(call.name);
        if (found) return found;
      }
      path.pop();
    }
    state.set(name, 'done');
    return undefined;
  };
  for (const name of [...calls.keys()].sort()) {
    if (state.has(name)) continue;
    const found = visit(name);
    if (found) return found;
  }
  return undefined;
}

/**
 * The first `{{` whose `}}` never comes (another `{{` or the end of the file comes
 * first): the parser only notices at the end of the file, the author wrote it here.
 */
export function unclosedMustache(source: string): number | undefined {
  const text = blankComments(source);
  let at = text.indexOf('{{');
  while (at >= 0) {
    let inner = at;
    while (text[inner] === '{') inner++;
    const close = text.indexOf('}}', inner);
    const next = text.indexOf('{{', inner);
    if (close < 0 || (next >= 0 && next < close)) return at;
    at = text.indexOf('{{', close + 2);
  }
  return undefined;
}

/** The offset of the first `{{> name}}` (or `{{#> name}}`), for errors raised without a position. */
export function partialCallOffset(source: string, name: string): number | undefined {
  const m = new RegExp(`\\{\\{~?#?>\\s*${escapeRegExp(name)}(?=[\\s}~(])`).exec(blankComments(source));
  return m?.index;
}

/** The name in the first `{{/name}}` at or after `from`: where a wrong closing tag is. */
export function closingTagOffset(source: string, name: string, from: number): number | undefined {
  const re = new RegExp(`\\{\\{~?\\s*/\\s*(${escapeRegExp(name)})(?=[\\s}~])`, 'g');
  re.lastIndex = from;
  const m = re.exec(blankComments(source));
  return m ? m.index + m[0].length - (m[1]?.length ?? 0) : undefined;
}

export function lineColumnToOffset(source: string, line: number, column: number): number | undefined {
  const start = lineStart(source, line);
  return start === undefined ? undefined : start + column - 1;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
