import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export interface HeadingOptions {
  /** Prefix "a.", "b.", … to the first heading level of a section. */
  letters: boolean;
  /** Unique prefix for heading ids within the document, e.g. "s2" or "b1". */
  idPrefix: string;
  /** Filled with the lettered headings, for a bijlage's contents list. */
  collected: CollectedHeading[];
  /**
   * Headings that are questions. `genummerd`: each "#" is a question, "1.", "2.", in
   * italics (a verzamelbrief answering a member). `vraag-antwoord`: "# Vraag" and
   * "# Antwoord" become "Vraag 1" and "Antwoord 1" (answers to Kamervragen).
   */
  vragen?: 'genummerd' | 'vraag-antwoord' | undefined;
}

export interface CollectedHeading {
  id: string;
  nummer: string;
  tekst: string;
}

/**
 * A section's title is the letter's heading level 2 (rendered by the template), so
 * Markdown headings inside a section move down: "#" becomes h3 ("a.", "b.", … as in
 * the seed letters) and "##" becomes h4 (unnumbered).
 */
export function rehypeHeadings(options: HeadingOptions) {
  return (tree: Root) => {
    let count = 0;
    let vraagCount = 0;
    visit(tree, 'element', (node: Element) => {
      const m = /^h([1-6])$/.exec(node.tagName);
      if (!m) return;
      const depth = Math.min(6, Number(m[1]) + 2);
      node.tagName = `h${depth}`;
      if (depth !== 3) return;
      if (options.vragen) {
        vraagCount = numberQuestion(node, options.vragen, vraagCount);
        return;
      }
      const nummer = letterFor(count++);
      const id = `${options.idPrefix}-${nummer}`;
      node.properties = { ...node.properties, id };
      options.collected.push({ id, nummer, tekst: toString(node) });
      if (options.letters) {
        // Plain text, not a span: Chromium drops inline elements from the PDF outline's titles.
        node.children.unshift({ type: 'text', value: `${nummer}. ` });
      }
    });
  };
}

/** 0 → a, 25 → z, 26 → aa: lettering never runs out. */
export function letterFor(index: number): string {
  let s = '';
  let i = index;
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
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
