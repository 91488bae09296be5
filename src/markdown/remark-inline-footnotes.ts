import type { FootnoteDefinition, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FootnoteCounter } from './footnote-counter.js';

export interface InlineFootnoteOptions {
  counter: FootnoteCounter;
  file: string;
  /** Added to mdast line numbers to get file line numbers. */
  lineOffset: number;
  warnings: Diagnostic[];
}

/**
 * The page runner wants a footnote's text at the place of its call, so that the note
 * goes to the foot of whichever page the call lands on, not in a list at the end.
 * This moves each definition to its call,
 * numbers it through the whole document, and turns a second call of the same note
 * into a new note "Zie voetnoot n." as ministry letters do.
 */
export function remarkInlineFootnotes(options: InlineFootnoteOptions) {
  return (tree: Root) => {
    const definitions = new Map<string, FootnoteDefinition>();
    const used = new Set<string>();
    const errors: Diagnostic[] = [];
    tree.children = tree.children.filter((node) => {
      if (node.type !== 'footnoteDefinition') return true;
      const first = definitions.get(node.identifier);
      if (first) {
        errors.push({
          file: options.file,
          line: (node.position?.start.line ?? 1) + options.lineOffset,
          column: node.position?.start.column ?? 1,
          severity: 'error',
          message: `footnote [^${node.label ?? node.identifier}] is defined twice`,
          hint: `the first definition is on line ${(first.position?.start.line ?? 1) + options.lineOffset}; remove one or give it another label`,
        });
        return false;
      }
      definitions.set(node.identifier, node);
      return false;
    });
    // A note that calls itself would repeat for ever; a call in a note is never numbered.
    for (const [id, def] of definitions) {
      visit(def, 'footnoteReference', (ref) => {
        const self = ref.identifier === id;
        errors.push({
          file: options.file,
          line: (ref.position?.start.line ?? 1) + options.lineOffset,
          column: ref.position?.start.column ?? 1,
          severity: 'error',
          message: self
            ? `footnote [^${def.label ?? id}] calls itself`
            : `footnote [^${def.label ?? id}] calls footnote [^${ref.label ?? ref.identifier}]; a note cannot call another note, so it calls itself in the end or never gets a number`,
          hint: self ? `remove [^${ref.label ?? ref.identifier}] from the note's own text` : 'write the reference out in the note ("zie noot …"), or move the call into the text',
        });
      });
    }
    const numbered = new Map<string, number>();
    visit(tree, (node, index, parent) => {
      if (node.type === 'text') {
        checkUndefinedCall(node, options, errors);
        return;
      }
      if (node.type !== 'footnoteReference' || !parent || index === undefined) return;
      const definition = definitions.get(node.identifier);
      if (!definition) return;
      used.add(node.identifier);
      const generated = options.counter.generatedText(node.identifier);
      // Notes from helpers are document-wide; an author's own labels belong to their file.
      const earlier = generated === undefined ? numbered.get(node.identifier) : options.counter.earlier(node.identifier);
      const n = options.counter.next();
      const repeat = earlier !== undefined && options.counter.herhaling === 'zie-voetnoot';
      const children: PhrasingContent[] = repeat
        ? [{ type: 'text', value: `Zie voetnoot ${earlier}.` }]
        : generated !== undefined
          ? [{ type: 'text', value: generated }]
          : phrasingOf(definition.children);
      if (!repeat) {
        if (generated === undefined) numbered.set(node.identifier, n);
        else options.counter.remember(node.identifier, n);
      }
      parent.children[index] = {
        // An unknown node type: mdast-util-to-hast then converts just its children
        // into the element named by hName, with no default footnote markup.
        type: 'voetnoot',
        data: { hName: 'span', hProperties: { className: ['footnote'], dataFootnote: n } },
        children,
      } as unknown as PhrasingContent;
      return SKIP;
    });
    if (errors.length) throw new InputError(errors);
    for (const [id, def] of definitions) {
      if (used.has(id)) continue;
      options.warnings.push({
        file: options.file,
        line: (def.position?.start.line ?? 1) + options.lineOffset,
        column: def.position?.start.column ?? 1,
        severity: 'warning',
        message: `footnote [^${def.label ?? id}] is defined but never called`,
        hint: `call it in the text with [^${def.label ?? id}], or remove the definition`,
      });
    }
  };
}

/** A footnote is one block of text at the foot of the page: paragraphs run on. */
function phrasingOf(blocks: RootContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const block of blocks) {
    if (out.length) out.push({ type: 'text', value: ' ' });
    if (block.type === 'paragraph') out.push(...block.children);
    else out.push({ type: 'text', value: toString(block) });
  }
  return out;
}

const UNDEFINED_CALL = /\[\^([^\]\s]+)\]/g;

function checkUndefinedCall(node: Text, options: InlineFootnoteOptions, errors: Diagnostic[]): void {
  for (const m of node.value.matchAll(UNDEFINED_CALL)) {
    const start = node.position?.start;
    const before = node.value.slice(0, m.index);
    const lines = before.split('\n');
    const line = (start?.line ?? 1) + lines.length - 1 + options.lineOffset;
    const column = lines.length > 1 ? (lines[lines.length - 1]?.length ?? 0) + 1 : (start?.column ?? 1) + before.length;
    errors.push({
      file: options.file,
      line,
      column,
      severity: 'error',
      message: `footnote [^${m[1]}] is called but never defined`,
      hint: `add a line "[^${m[1]}]: Kamerstukken II, …" to this file, or remove the call`,
    });
  }
}
