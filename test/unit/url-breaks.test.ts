import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeUrlBreaks } from '../../src/markdown/rehype-url-breaks.js';

/* The parts of a written-out URL as rehype-url-breaks.ts sets them: each a span that does not wrap. */
function parts(url: string): string[] {
  const link: Element = { type: 'element', tagName: 'a', properties: { href: url }, children: [{ type: 'text', value: url }] };
  const tree: Root = { type: 'root', children: [link] };
  rehypeUrlBreaks()(tree);
  return link.children.flatMap((c) => (c.type === 'element' && c.tagName === 'span' && c.children[0]?.type === 'text' ? [c.children[0].value] : []));
}

describe('a URL written out', () => {
  it('breaks after "/" and ".", not at the hyphens of a short part', () => {
    expect(parts('https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld')).toEqual(['https://', 'www.', 'rijksoverheid.', 'nl/', 'onderwerpen/', 'huiselijk-geweld']);
    // 60 characters: still one piece.
    const sixty = 'voortgangsrapportage-aanpak-huiselijk-geweld-en-kinder-misha';
    expect(sixty).toHaveLength(60);
    expect(parts(`https://www.example.nl/${sixty}`).at(-1)).toBe(sixty);
  });

  it('breaks a part longer than a line after its hyphens too, and keeps every character', () => {
    const url = 'https://www.rijksoverheid.nl/documenten/kamerstukken/2025/03/14/voortgangsrapportage-aanpak-huiselijk-geweld-en-kindermishandeling-eerste-helft';
    const p = parts(url);
    expect(p.join('')).toBe(url);
    expect(p.slice(-3)).toEqual(['kindermishandeling-', 'eerste-', 'helft']);
    expect(p).toContain('voortgangsrapportage-');
  });
});
