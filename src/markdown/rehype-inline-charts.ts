import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { CHART_PREFIX, type AssetMap } from '../model/asset-map.js';

export { CHART_PREFIX };

/**
 * A chart arrives as an <img> of a generated SVG. An SVG loaded as an image is a
 * document of its own that cannot use the page's fonts, so its text would fall back
 * to a system font (and embed it in the PDF). Inlining the SVG, which we generated
 * and escaped ourselves, lets it use the letter's font. This runs after sanitising.
 */
export function rehypeInlineCharts(options: { assets: AssetMap }) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const src = String(node.properties.src ?? '');
      if (node.tagName !== 'img' || !src.startsWith(CHART_PREFIX) || !parent || index === undefined) return;
      const svg = options.assets.read(src);
      if (!svg) return;
      parent.children[index] = { type: 'raw', value: svg.toString('utf8') } as unknown as Element;
    });
  };
}
