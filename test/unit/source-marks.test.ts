import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { PositionMap } from '../../src/diagnostics/position-map.js';
import { stripSourceMarks } from '../../src/layout/source-marks.js';
import { FootnoteCounter } from '../../src/markdown/footnote-counter.js';
import { renderMarkdown } from '../../src/markdown/render-markdown.js';
import { AssetMap } from '../../src/model/asset-map.js';
import { FIXTURES, REPO_ROOT } from '../helpers/build-fixture.js';

/*
 * Source marks (data-vb-at) tie the page's elements to the author's Markdown for the
 * page runner's warnings; the HTML that is written must be the same as without them.
 */
const FILE = path.join(REPO_ROOT, 'secties', 'sectie.md');

function render(text: string, sourceMarks: boolean) {
  return renderMarkdown(
    { file: FILE, text, bodyLine: 4, map: PositionMap.identity(FILE, text, 4), idPrefix: 'sectie-3', numbering: undefined, projectRoot: REPO_ROOT, assets: new AssetMap(), aanhalingstekens: 'recht', sourceMarks },
    new FootnoteCounter(),
    [],
  );
}

const TEXT = [
  'Een alinea met een noot.[^a] En `<p data-vb-at="sectie-3.1">` als code, data-vb-at="x" als tekst.',
  '',
  '| Jaar | Aantal |',
  '|---|--:|',
  '| 2024 | 12 |',
  '',
  '- een',
  '- twee <span data-vb-at="sectie-3.99">ruw</span>',
  '',
  '<p data-vb-at="nep">Ruwe HTML.</p>',
  '',
  '> Een citaat',
  '',
  '    code',
  '',
  '[^a]: De noot.',
].join('\n');

describe('source marks', () => {
  it('are taken out again exactly: the written HTML is the HTML rendered without them', () => {
    const marked = render(TEXT, true);
    const plain = render(TEXT, false);
    expect(marked.html).toContain('<p data-vb-at="sectie-3.1">');
    expect(stripSourceMarks(marked.html)).toBe(plain.html);
    expect(plain.marks).toBeUndefined();
  });

  it('cannot be written by the author: the sanitiser drops theirs, and text that looks like one stays', () => {
    const { html, marks } = render(TEXT, true);
    expect(html).not.toContain('"nep"');
    expect(html).not.toContain('"sectie-3.99"');
    expect(stripSourceMarks(html)).toContain('data-vb-at="x" als tekst');
    expect(stripSourceMarks(html)).toContain('&#x3C;p data-vb-at="sectie-3.1">');
    // Every mark in the HTML is in the table, and the other way round.
    const inHtml = [...html.matchAll(/<[a-z][a-z0-9]* data-vb-at="([^"]*)"/g)].map((m) => m[1]);
    expect(inHtml.sort()).toEqual(Object.keys(marks!).sort());
  });

  it('point at the line and column where the author wrote each block, footnotes at their definition', () => {
    const { html, marks } = render(TEXT, true);
    const at = (tag: string) => {
      const mark = new RegExp(`<${tag} data-vb-at="([^"]+)"`).exec(html)?.[1];
      const p = mark === undefined ? undefined : marks![mark];
      return p && `${p.line}:${p.column}`;
    };
    // The body starts on line 4 of the file.
    expect(at('p')).toBe('4:1');
    expect(at('table')).toBe('6:1');
    expect(at('td')).toBe('8:1');
    expect(at('li')).toBe('10:1');
    expect(at('blockquote')).toBe('15:1');
    expect(at('pre')).toBe('17:1');
    expect(at('span class="footnote"')).toBeUndefined();
    const note = /<span data-vb-at="([^"]+)" class="footnote/.exec(html)?.[1];
    expect(note && `${marks![note]!.line}:${marks![note]!.column}`).toBe('19:1');
  });

  it('are in the page the browser gets, not in the document that is written', () => {
    for (const dir of [REPO_ROOT, path.join(FIXTURES, 'overflow', 'lang-woord')]) {
      const [doc] = check({ dir }).documents;
      expect(doc!.html).not.toContain('data-vb-at');
      expect(doc!.pageHtml).toContain('<section data-vb-at="sectie-1" class="vb-sectie"');
      expect(stripSourceMarks(doc!.pageHtml!)).toBe(doc!.html);
    }
    const [doc] = check({ dir: path.join(FIXTURES, 'overflow', 'lang-woord') }).documents;
    const pre = /<pre data-vb-at="([^"]+)"/.exec(doc!.pageHtml!)?.[1];
    expect(doc!.marks![pre!]).toMatchObject({ file: path.join(FIXTURES, 'overflow', 'lang-woord', 'secties', '01-bestand.md'), line: 13, column: 1 });
    expect(doc!.marks!['sectie-2.titel']).toMatchObject({ line: 2, column: 8 });
    expect(doc!.marks!['']).toMatchObject({ file: path.join(FIXTURES, 'overflow', 'lang-woord', 'brief.md'), line: 0 });
  });
});
