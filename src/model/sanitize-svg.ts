import type { Element, ElementContent, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { toHtml } from 'hast-util-to-html';

/**
 * The SVG elements a logo, a drawing or a chart needs. Everything else goes, with its
 * content: <script>, <foreignObject> (HTML inside an SVG), <animate>/<set> (which can
 * rewrite an href), <iframe>, <a> keeps only its children.
 */
const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'switch',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'style',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feFlood', 'feGaussianBlur',
  'feMerge', 'feMergeNode', 'feOffset', 'feFuncA', 'feFuncR', 'feFuncG', 'feFuncB', 'feMorphology', 'feDropShadow',
]);
/** Kept as their children: a link around a shape draws the shape. */
const UNWRAP = new Set(['a']);

/**
 * Makes a project's SVG file safe to show anywhere, also where a browser would run
 * its scripts (an <object> in a project's own layout, the HTML opened from disk): an
 * allowlist of elements, no event handlers, no links but to the file's own #ids, no
 * style that loads anything. Parsed as HTML foreign content, so an XML DOCTYPE with
 * entities is never expanded.
 */
export function sanitizeSvg(text: string): string {
  const tree = raw({ type: 'root', children: [{ type: 'raw', value: text }] } as unknown as Root) as Root;
  const svg = findSvg(tree.children);
  if (!svg) return '<svg xmlns="http://www.w3.org/2000/svg"/>';
  const clean = cleanElement(svg)[0] as Element | undefined;
  if (!clean) return '<svg xmlns="http://www.w3.org/2000/svg"/>';
  clean.properties = { ...clean.properties, xmlns: 'http://www.w3.org/2000/svg' };
  return toHtml(clean, { space: 'svg', closeEmptyElements: true, allowDangerousCharacters: false });
}

function findSvg(nodes: readonly RootContent[] | readonly ElementContent[]): Element | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'svg') return node;
    const inner = findSvg(node.children);
    if (inner) return inner;
  }
  return undefined;
}

function cleanElement(node: Element): ElementContent[] {
  if (UNWRAP.has(node.tagName)) return node.children.flatMap(cleanChild);
  if (!ELEMENTS.has(node.tagName)) return [];
  const properties: Element['properties'] = {};
  for (const [key, value] of Object.entries(node.properties)) {
    const name = key.toLowerCase();
    if (name.startsWith('on') || name === 'xmlns' || name.startsWith('xmlns')) continue;
    if (name === 'href' || name === 'xlinkhref') {
      // Only a reference into the file itself (<use href="#icon">).
      if (typeof value === 'string' && /^#[\w.:-]+$/.test(value)) properties.href = value;
      continue;
    }
    if (typeof value === 'string' && !safeValue(value)) continue;
    properties[key] = value;
  }
  const children =
    node.tagName === 'style'
      ? node.children.flatMap((c) => (c.type === 'text' ? [{ ...c, value: safeCss(c.value) }] : []))
      : node.children.flatMap(cleanChild);
  return [{ ...node, properties, children }];
}

function cleanChild(node: ElementContent): ElementContent[] {
  if (node.type === 'element') return cleanElement(node);
  if (node.type === 'text') return [node];
  return [];
}

/** url() only to the file's own #ids; nothing that names a scheme a browser would load. */
function safeValue(value: string): boolean {
  if (/(javascript|vbscript|data)\s*:/i.test(value)) return false;
  for (const m of value.matchAll(/url\s*\(\s*['"]?([^'")]*)/gi)) if (!m[1]?.startsWith('#')) return false;
  return true;
}

function safeCss(css: string): string {
  // No @import, no url() but to #ids, and nothing that would end the element early.
  return css
    .replace(/[<>&]/g, '')
    .replace(/@import[^;]*;?/gi, '')
    .replace(/url\s*\(\s*(['"]?)(?!#)[^)]*\)/gi, 'none')
    .replace(/expression\s*\(/gi, '');
}
