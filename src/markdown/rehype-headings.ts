import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { handTypedNumber } from '../numbering/hand-typed-number.js';
import type { PartNumbering } from '../numbering/part-numbering.js';
import { headingReference, type LabelTarget } from '../numbering/label-target.js';
import { labelId, takeLabel } from '../numbering/label-syntax.js';
import { letterFor } from '../numbering/roman.js';

export { letterFor };

export interface HeadingOptions {
  /** The part's counters; undefined for text that is never numbered (the opening text, formulas). */
  numbering: PartNumbering | undefined;
  /** Unique prefix for heading ids within the document, e.g. "s2" or "b1". */
  idPrefix: string;
  /** Filled with the headings, for contents lists. */
  collected: CollectedHeading[];
  /** Filled with the labelled headings. */
  targets: LabelTarget[];
  /**
   * Headings that are questions. `genummerd`: each "#" is a question, "1.", "2.", in
   * italics (a verzamelbrief answering a member). `vraag-antwoord`: "# Vraag" and
   * "# Antwoord" become "Vraag 1" and "Antwoord 1" (answers to Kamervragen).
   */
  vragen?: 'genummerd' | 'vraag-antwoord' | undefined;
  file: string;
  lineOffset: number;
  warnings: Diagnostic[];
}

export interface CollectedHeading {
  id: string;
  /** The printed number, "I.1" or "a.", or "" when the heading is unnumbered. */
  nummer: string;
  tekst: string;
  /** 1 for "#", 2 for "##", …: the depth inside the part. */
  diepte: number;
}

/**
 * A section's title is the letter's heading level 2 (rendered by the template), so
 * Markdown headings inside a section move down: "#" becomes h3, "##" h4, "###" h5. The
 * tag says where a heading sits in the document; the number comes from the part's
 * scheme, which starts a bijlage's "#" at its own level 1 or 2.
 */
export function rehypeHeadings(options: HeadingOptions) {
  return (tree: Root) => {
    let count = 0;
    let vraagCount = 0;
    visit(tree, 'element', (node: Element) => {
      const m = /^h([1-6])$/.exec(node.tagName);
      if (!m) return;
      const depth = Number(m[1]);
      node.tagName = `h${Math.min(6, depth + 2)}`;
      if (options.vragen) {
        if (depth === 1) vraagCount = numberQuestion(node, options.vragen, vraagCount);
        return;
      }
      count++;
      const label = takeLabel(node);
      const numbering = options.numbering;
      const level = numbering ? numbering.firstLevel + depth - 1 : 0;
      const n = numbering?.heading(level);
      const tekst = toString(node).trim();
      const id = label ? labelId(label) : `${options.idPrefix}-${n ? slug(n.ref) : `k${count}`}`;
      node.properties = { ...node.properties, id };
      // The level in the scheme, for the styles: a report's chapters look like chapters whatever their tag.
      if (numbering && level >= 1 && level <= 4) node.properties.className = [`vb-niveau-${level}`];
      if (n) {
        const typed = handTypedNumber(tekst);
        if (typed) warnTyped(options, node, typed, n.label);
        // Plain text, not a span: Chromium drops inline elements from the PDF outline's titles.
        node.children.unshift({ type: 'text', value: `${n.label} ` });
      }
      options.collected.push({ id, nummer: n?.label ?? '', tekst, diepte: depth });
      if (label) {
        options.targets.push({ label, id, text: headingReference(n, numbering?.scheme, tekst), position: at(options, node) });
      }
    });
  };
}

function slug(ref: string): string {
  return ref.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function at(options: HeadingOptions, node: Element) {
  const start = node.position?.start;
  return { file: options.file, line: (start?.line ?? 1) + options.lineOffset, column: start?.column ?? 1 };
}

function warnTyped(options: HeadingOptions, node: Element, typed: string, label: string): void {
  options.warnings.push({
    ...at(options, node),
    severity: 'warning',
    message: `the heading starts with the number "${typed}", and the numbering scheme adds "${label}" as well`,
    hint: `remove "${typed}" from the heading: the scheme numbers it, or set "nummering: geen" to type numbers yourself`,
  });
}

/** Numbers one question heading; returns the number of questions seen so far. */
function numberQuestion(node: Element, mode: 'genummerd' | 'vraag-antwoord', seen: number): number {
  if (mode === 'genummerd') {
    node.properties = { ...node.properties, className: ['vb-vraag'] };
    node.children.unshift({ type: 'text', value: `${seen + 1}. ` });
    return seen + 1;
  }
  const tekst = toString(node).trim().toLowerCase();
  if (tekst !== 'vraag' && tekst !== 'antwoord') return seen;
  const n = tekst === 'vraag' ? seen + 1 : Math.max(seen, 1);
  node.properties = { ...node.properties, className: ['vb-vraagkop'] };
  node.children.push({ type: 'text', value: ` ${n}` });
  return n;
}
