import type { Element, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import type { VFile } from 'vfile';
import { CHART_PREFIX } from '../model/asset-map.js';

/**
 * The {{grafiek}} helper's own HTML, exactly as it writes it (series-helpers.ts), with
 * its alt text escaped by Handlebars; the raw node of an HTML block holds no line end.
 */
const CHART_FIGURE = /^<figure><img src="([^"<>&]+)" alt="([^"<>]*)"><\/figure>$/;
const ESCAPES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#x60': '`', '#x3D': '=' };

/**
 * rehype-raw, when the tree still holds raw HTML. rehype-raw runs the whole tree through
 * parse5, a tenth of a cold check for a section that has one chart; the chart's figure
 * is ours and of one fixed form, so it becomes elements here, as parse5 would make them,
 * and only HTML an author wrote is left for parse5.
 */
export function rehypeRawWhereNeeded() {
  return (tree: Root, file?: VFile): Root => {
    let left = false;
    const walk = (parent: { children: RootContent[] }): void => {
      parent.children.forEach((node, i) => {
        if (node.type === 'raw') {
          const figure = chartFigure(node.value, node.position);
          if (figure) parent.children[i] = figure;
          else left = true;
        } else if ('children' in node) {
          walk(node);
        }
      });
    };
    walk(tree);
    return left ? (raw(tree, file ? { file } : {}) as Root) : tree;
  };
}

function chartFigure(html: string, position: RootContent['position']): Element | undefined {
  const m = CHART_FIGURE.exec(html);
  const src = m?.[1];
  const escapedAlt = m?.[2];
  if (src === undefined || escapedAlt === undefined || !src.startsWith(CHART_PREFIX)) return undefined;
  let known = true;
  const alt = escapedAlt.replace(/&([^;]*);|&/g, (whole, name: string | undefined) => {
    const char = name === undefined ? undefined : ESCAPES[name];
    if (char === undefined) known = false;
    return char ?? whole;
  });
  if (!known) return undefined;
  // Where parse5 would place them: the <img> right after "<figure>", on the same line.
  const imgLength = html.indexOf('></figure>') + 1 - '<figure>'.length;
  const shift = (point: NonNullable<RootContent['position']>['start'], by: number) => ({
    line: point.line,
    column: point.column + by,
    ...(point.offset === undefined ? {} : { offset: point.offset + by }),
  });
  const imgPosition = position && { start: shift(position.start, '<figure>'.length), end: shift(position.start, '<figure>'.length + imgLength) };
  const img: Element = { type: 'element', tagName: 'img', properties: { src, alt }, children: [], ...(imgPosition ? { position: imgPosition } : {}) };
  return { type: 'element', tagName: 'figure', properties: {}, children: [img], ...(position ? { position } : {}) };
}
