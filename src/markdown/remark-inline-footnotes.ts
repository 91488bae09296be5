import type { FootnoteDefinition, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FootnoteCounter } from './footnote-counter.js';
import type { PositionMap } from '../diagnostics/position-map.js';
import { formatZieVoetnoot, type Huisstijl } from '../records/format-citation.js';
import { lintCitations, type KnownCitations } from '../records/lint-citations.js';

export interface InlineFootnoteOptions {
  counter: FootnoteCounter;
  /** Where the author wrote each part of the text. */
  map: PositionMap;
  warnings: Diagnostic[];
  /** Mistakes go here, so that the later checks of the same text still run; without it they are thrown. */
  errors?: Diagnostic[];
  /** The letter's house style, which the author's own citations are checked against; none: not checked. */
  huisstijl?: Huisstijl | undefined;
  knownCitations?: KnownCitations | undefined;
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
          ...options.map.locate(node.position?.start, node.position?.end),
          severity: 'error',
          rule: 'footnote-defined-twice',
          message: `footnote [^${node.label ?? node.identifier}] is defined twice`,
          hint: `the first definition is on line ${options.map.locate(first.position?.start).line}; remove one or give it another label`,
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
          ...options.map.locate(ref.position?.start, ref.position?.end),
          severity: 'error',
          rule: self ? 'footnote-calls-itself' : 'footnote-calls-footnote',
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
        ? [{ type: 'text', value: formatZieVoetnoot(earlier, options.counter.stijl) }]
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
        // The author's definition holds the note's text; a generated note's place is its call.
        position: repeat || generated !== undefined ? node.position : definition.position,
        children,
      } as unknown as PhrasingContent;
      return SKIP;
    });
    if (options.errors) options.errors.push(...errors);
    else if (errors.length) throw new InputError(errors);
    if (options.huisstijl) {
      for (const [id, def] of definitions) if (options.counter.generatedText(id) === undefined) checkCitations(def, options, options.huisstijl);
    }
    for (const [id, def] of definitions) {
      if (used.has(id)) continue;
      options.warnings.push({
        ...options.map.locate(def.position?.start, def.position?.end),
        severity: 'warning',
        rule: 'footnote-unused',
        message: `footnote [^${def.label ?? id}] is defined but never called`,
        hint: `call it in the text with [^${def.label ?? id}], or remove the definition`,
      });
    }
  };
}

/**
 * A footnote sits inside a paragraph of the text until the page runner moves it, so it
 * holds phrasing only: its second and later paragraphs, and the items of a list, become
 * spans that the house style shows as paragraphs of their own (.vb-noot-alinea).
 */
function phrasingOf(blocks: RootContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const alinea = (children: PhrasingContent[]) =>
    out.push({
      type: 'voetnootAlinea',
      data: { hName: 'span', hProperties: { className: ['vb-noot-alinea'] } },
      children,
    } as unknown as PhrasingContent);
  for (const block of blocks) {
    // A list's items are lines of their own, with their bullet or number written out:
    // read as one text they ran together ("punt een;punt twee").
    if (block.type === 'list') {
      block.children.forEach((item, i) => {
        const [first, ...rest] = item.children;
        const marker = block.ordered ? `${(block.start ?? 1) + i}. ` : '\u2022 ';
        const text: PhrasingContent[] = first?.type === 'paragraph' ? [...first.children] : first ? [{ type: 'text', value: toString(first) }] : [];
        const more: PhrasingContent[] = rest.length ? [{ type: 'text', value: ' ' + rest.map((r) => toString(r)).join(' ') }] : [];
        alinea([{ type: 'text', value: marker }, ...text, ...more]);
      });
      continue;
    }
    const children: PhrasingContent[] = block.type === 'paragraph' ? block.children : [{ type: 'text', value: toString(block) }];
    if (!out.length) {
      out.push(...children);
      continue;
    }
    alinea(children);
  }
  return out;
}

/** The Kamerstukken and Handelingen an author cited by hand, against the house style (lint-citations.ts). */
function checkCitations(def: FootnoteDefinition, options: InlineFootnoteOptions, huisstijl: Huisstijl): void {
  visit(def, 'text', (node: Text) => {
    const start = node.position?.start.offset;
    for (const f of lintCitations(node.value, huisstijl, options.knownCitations)) {
      // Offsets add up as for a call below: a citation holds no escapes.
      const at = (offset: number) => (start === undefined ? undefined : { line: 0, column: 0, offset: start + offset });
      options.warnings.push({
        ...options.map.locate(at(f.start) ?? node.position?.start, at(f.end)),
        severity: 'warning',
        rule: 'citation-style',
        message: f.message,
        hint: f.hint,
      });
    }
  });
}

const UNDEFINED_CALL = /\[\^([^\]\s]+)\]/g;

function checkUndefinedCall(node: Text, options: InlineFootnoteOptions, errors: Diagnostic[]): void {
  const start = node.position?.start;
  for (const m of node.value.matchAll(UNDEFINED_CALL)) {
    // A text node's value is its source without escapes; a call holds none, so offsets add up.
    const from = start?.offset === undefined ? undefined : { line: 0, column: 0, offset: start.offset + m.index };
    const to = from ? { ...from, offset: from.offset + m[0].length } : undefined;
    errors.push({
      ...options.map.locate(from ?? start, to),
      severity: 'error',
      rule: 'footnote-undefined',
      message: `footnote [^${m[1]}] is called but never defined`,
      hint: `add a line "[^${m[1]}]: Kamerstukken II, …" to this file, or remove the call`,
    });
  }
}
