import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CaptionKind, PartNumbering } from '../numbering/part-numbering.js';
import { labelId, takeLabel } from '../numbering/label-syntax.js';
import type { LabelTarget } from '../numbering/label-target.js';

export interface CaptionOptions {
  numbering: PartNumbering | undefined;
  targets: LabelTarget[];
  /** Filled with the numbered captions, for a list of tables and figures. */
  captions: CollectedCaption[];
  idPrefix: string;
  file: string;
  lineOffset: number;
  warnings: Diagnostic[];
}

export interface CollectedCaption {
  kind: CaptionKind;
  id: string;
  /** "3" or "2.3". */
  nummer: string;
  tekst: string;
}

const PREFIX: Record<CaptionKind, RegExp> = { tabel: /^\s*Tabel:\s*/, figuur: /^\s*Figuur:\s*/ };
const WORD: Record<CaptionKind, string> = { tabel: 'Tabel', figuur: 'Figuur' };

/**
 * A paragraph "Tabel: <caption>" right above a table, or "Figuur: <caption>" right
 * above an image or chart, becomes that element's numbered caption: "Tabel 3. …" as
 * the table's <caption>, "Figuur 2. …" as the <figcaption> of a <figure> (an image
 * alone in its paragraph becomes one). A trailing {#label} names it for cross-references.
 */
export function rehypeCaptions(options: CaptionOptions) {
  return (tree: Root) => {
    let count = 0;
    walk(tree.children);
    function walk(children: RootContent[]): void {
      for (let i = 0; i < children.length; i++) {
        const node = children[i]!;
        if (node.type !== 'element') continue;
        const kind = captionKind(node);
        const j = kind ? nextElement(children, i) : -1;
        const target = j >= 0 ? (children[j] as Element) : undefined;
        const host = kind && target ? hostFor(kind, target) : undefined;
        if (!kind || !target || !host) {
          if (kind) warnLoose(options, node, kind);
          else walk(node.children as RootContent[]);
          continue;
        }
        stripPrefix(node, PREFIX[kind]);
        const label = takeLabel(node);
        const nummer = options.numbering ? options.numbering.caption(kind) : String(++count);
        const id = label ? labelId(label) : `${options.idPrefix}-${kind}-${nummer.replace(/\./g, '-')}`;
        const tekst = textOf(node).trim();
        const caption: Element = {
          type: 'element',
          tagName: kind === 'tabel' ? 'caption' : 'figcaption',
          properties: { className: ['vb-bijschrift'] },
          children: [{ type: 'text', value: `${WORD[kind]} ${nummer}. ` }, ...(node.children as ElementContent[])],
        };
        host.properties = { ...host.properties, id };
        host.children.unshift(caption);
        options.captions.push({ kind, id, nummer, tekst });
        if (label) {
          const start = node.position?.start;
          options.targets.push({
            label,
            id,
            text: `${kind} ${nummer}`,
            position: { file: options.file, line: (start?.line ?? 1) + options.lineOffset, column: start?.column ?? 1 },
          });
        }
        // The caption paragraph is gone; the image's paragraph was replaced by its figure.
        children[j] = host;
        children.splice(i, j - i);
        i--;
      }
    }
  };
}

function captionKind(node: Element): CaptionKind | undefined {
  if (node.tagName !== 'p') return undefined;
  const first = node.children[0];
  if (!first || first.type !== 'text') return undefined;
  if (PREFIX.tabel.test(first.value)) return 'tabel';
  if (PREFIX.figuur.test(first.value)) return 'figuur';
  return undefined;
}

function nextElement(children: RootContent[], i: number): number {
  for (let j = i + 1; j < children.length; j++) {
    const c = children[j]!;
    if (c.type === 'text' && c.value.trim() === '') continue;
    return c.type === 'element' || c.type === 'raw' ? j : -1;
  }
  return -1;
}

/** The element that takes the caption: the table, the figure, or a new figure around a lone image. */
function hostFor(kind: CaptionKind, target: Element): Element | undefined {
  if (kind === 'tabel') return target.tagName === 'table' ? target : undefined;
  if (target.tagName === 'figure') return target;
  if (target.tagName !== 'p') return undefined;
  const content = target.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (content.length !== 1) return undefined;
  const only = content[0]!;
  const isImage = (only.type === 'element' && only.tagName === 'img') || (only.type as string) === 'raw';
  // The figure takes the paragraph's place in the source, so a warning about it has a line.
  return isImage ? { type: 'element', tagName: 'figure', properties: {}, children: [only], ...(target.position ? { position: target.position } : {}) } : undefined;
}

function stripPrefix(node: Element, prefix: RegExp): void {
  const first = node.children[0];
  if (first?.type === 'text') first.value = first.value.replace(prefix, '');
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}

function warnLoose(options: CaptionOptions, node: Element, kind: CaptionKind): void {
  const start = node.position?.start;
  options.warnings.push({
    file: options.file,
    line: (start?.line ?? 1) + options.lineOffset,
    column: start?.column ?? 1,
    severity: 'warning',
    message: `"${WORD[kind]}:" is a caption, but no ${kind === 'tabel' ? 'table' : 'image or chart'} follows it`,
    hint: `put the "${WORD[kind]}: …" line right above the ${kind === 'tabel' ? 'table, with an empty line between' : 'image or {{grafiek}}, with an empty line between'}`,
  });
}
