import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import { describe, expect, it } from 'vitest';
import { AssetMap } from '../../src/model/asset-map.js';
import { InputError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { FootnoteCounter } from '../../src/markdown/footnote-counter.js';
import { PositionMap } from '../../src/diagnostics/position-map.js';
import { letterFor } from '../../src/markdown/rehype-headings.js';
import { rehypeRawWhereNeeded } from '../../src/markdown/rehype-raw-where-needed.js';
import { renderMarkdown } from '../../src/markdown/render-markdown.js';
import { CaptionCounter, PartNumbering } from '../../src/numbering/part-numbering.js';
import { resolveScheme } from '../../src/numbering/resolve-scheme.js';

// A project folder with one image, for the media checks.
const project = mkdtempSync(path.join(os.tmpdir(), 'vb-md-'));
mkdirSync(path.join(project, 'secties'));
writeFileSync(path.join(project, 'secties', 'grafiek.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

function render(text: string, counter = new FootnoteCounter(), warnings: Diagnostic[] = [], letters = true, assets = new AssetMap()) {
  const file = path.join(project, 'secties', 'sectie.md');
  return renderMarkdown(
    {
      file,
      text,
      bodyLine: 4,
      map: PositionMap.identity(file, text, 4),
      idPrefix: 's1',
      // A section of a letter numbered "1., a.": "#" headings are the scheme's level 2.
      numbering: new PartNumbering(resolveScheme(letters), 2, new CaptionCounter()),
      projectRoot: project,
      assets,
    },
    counter,
    warnings,
  );
}

function errorOf(text: string) {
  try {
    render(text);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).diagnostics[0]!;
  }
  throw new Error('expected an InputError');
}

describe('renderMarkdown', () => {
  it('puts each footnote at its call, numbered in order of calling', () => {
    const { html } = render('Eerst[^b] dan[^a].\n\n[^a]: Noot A.\n[^b]: Noot B.');
    expect(html).toBe(
      '<p>Eerst<span class="footnote vbfn-1" data-footnote="1">Noot B.</span> dan<span class="footnote vbfn-2" data-footnote="2">Noot A.</span>.</p>',
    );
  });

  it('sets the items of a list in a footnote as lines of their own, with their bullets or numbers', () => {
    const { html } = render('Tekst.[^a] En meer.[^b]\n\n[^a]: Het gaat om:\n\n    - punt een van de voetnoot;\n    - punt twee van de voetnoot.\n\n[^b]: Twee stappen:\n\n    3. eerst dit;\n    4. dan dat.\n');
    expect(html).toContain('data-footnote="1">Het gaat om:<span class="vb-noot-alinea">• punt een van de voetnoot;</span><span class="vb-noot-alinea">• punt twee van de voetnoot.</span></span>');
    expect(html).toContain('data-footnote="2">Twee stappen:<span class="vb-noot-alinea">3. eerst dit;</span><span class="vb-noot-alinea">4. dan dat.</span></span>');
  });

  it('numbers straight on across sections sharing a counter', () => {
    const counter = new FootnoteCounter();
    render('Een[^x].\n\n[^x]: X.', counter);
    const { html } = render('Twee[^x].\n\n[^x]: Y.', counter);
    expect(html).toContain('data-footnote="2">Y.</span>');
    expect(counter.count).toBe(2);
  });

  it('turns a second call of the same note into "Zie voetnoot n"', () => {
    const { html } = render('A[^k] B[^k].\n\n[^k]: Kamerstukken II, 2024-2025, 29279, nr. 890.');
    expect(html).toContain('data-footnote="2">Zie voetnoot 1.</span>');
  });

  it('reports a call without a definition at its line and column in the file', () => {
    try {
      render('Regel een.\nRegel twee met [^weg] erin.');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const d = (err as InputError).diagnostics[0]!;
      expect(d).toMatchObject({ file: path.join(project, 'secties', 'sectie.md'), line: 5, column: 16 });
      expect(d.message).toContain('[^weg]');
      expect(d.hint).toBeTruthy();
    }
  });

  it('warns about a definition that is never called', () => {
    const warnings: Diagnostic[] = [];
    render('Tekst.\n\n[^los]: Ongebruikt.', new FootnoteCounter(), warnings);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', line: 6 });
  });

  it('letters the headings of a section and moves them below the section title', () => {
    const { html, headings } = render('# Eerste\n\ntekst\n\n# Tweede\n\n## Dieper');
    expect(html).toContain('<h3 id="s1-a" class="vb-niveau-2">a. Eerste</h3>');
    expect(html).toContain('<h3 id="s1-b" class="vb-niveau-2">b. Tweede</h3>');
    expect(html).toContain('<h4 id="s1-k3" class="vb-niveau-3">Dieper</h4>');
    expect(headings.map((h) => h.nummer)).toEqual(['a.', 'b.', '']);
  });

  it('leaves headings unlettered when numbering is off', () => {
    expect(render('# Kop', new FootnoteCounter(), [], false).html).toBe('<h3 id="s1-k1" class="vb-niveau-2">Kop</h3>');
  });

  it('renders GFM tables with their alignment', () => {
    const { html } = render('| Jaar | Aantal |\n|---|--:|\n| 2023 | 90.000 |');
    expect(html).toContain('<th>Jaar</th>');
    expect(html).toContain('<td align="right">90.000</td>');
  });

  it('passes allowed raw HTML and drops scripts, handlers, iframes and javascript: URLs', () => {
    const { html } = render(
      'Zie <abbr title="Centraal Bureau voor de Statistiek">CBS</abbr>.\n\n<script>alert(1)</script>\n\n<p onclick="alert(1)">klik</p>\n\n<iframe src="https://example.org"></iframe>\n\n[link](javascript:alert(1))',
    );
    expect(html).toContain('<abbr title="Centraal Bureau voor de Statistiek">CBS</abbr>');
    expect(html).not.toMatch(/<script|onclick|<iframe|javascript:/);
    expect(html).toContain('<p>klik</p>');
  });

  it('does not let raw HTML pose as a footnote', () => {
    const { html } = render('<span class="footnote">nep</span>');
    expect(html).not.toContain('class="footnote"');
  });
});

describe('images and tables', () => {
  it('registers a local image as an asset and points the page at it', () => {
    const assets = new AssetMap();
    const { html } = render('![Meldingen per jaar](grafiek.svg)', new FootnoteCounter(), [], true, assets);
    expect(html).toBe('<p><img src="assets/afbeeldingen/grafiek.svg" alt="Meldingen per jaar"></p>');
    expect(assets.get('assets/afbeeldingen/grafiek.svg')).toBe(path.join(project, 'secties', 'grafiek.svg'));
  });

  it('requires alt text', () => {
    const d = errorOf('Tekst.\n\n![](grafiek.svg)');
    expect(d).toMatchObject({ line: 6, column: 1 });
    expect(d.message).toMatch(/no alt text/);
  });

  it('refuses images from the web and from outside the project', () => {
    expect(errorOf('![Logo](https://example.org/logo.png)').message).toMatch(/not a file of the project/);
    expect(errorOf('![Wachtwoorden](../../../etc/passwd)').message).toMatch(/outside the project/);
  });

  it('requires header cells in tables', () => {
    expect(errorOf('<table><tr><td>1</td></tr></table>').message).toMatch(/no header cells/);
  });
});

describe('a chart the {{grafiek}} helper wrote', () => {
  // Its figure is turned into elements without parse5 (rehype-raw-where-needed.ts); an
  // element an author wrote beside it sends the whole part through parse5 instead.
  const figure = '<figure><img src="assets/grafieken/x-staaf.svg" alt="A &amp; B &lt;c&gt; &quot;d&quot; &#x27;e&#x27; &#x60;f&#x60; &#x3D; g"></figure>';

  it('becomes the elements parse5 makes of it, its alt text unescaped', () => {
    const tree = (): Root => ({ type: 'root', children: [{ type: 'raw', value: figure }] });
    const withoutPositions = (node: unknown) => JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value)));
    const ours = rehypeRawWhereNeeded()(tree());
    expect(withoutPositions(ours.children)).toEqual(withoutPositions((raw(tree()) as Root).children));
    expect(ours.children[0]).toMatchObject({ tagName: 'figure', children: [{ tagName: 'img', properties: { alt: 'A & B <c> "d" \'e\' `f` = g' } }] });
  });

  it('leaves HTML that is not exactly the helper\'s to parse5', () => {
    const other = '<figure><img src="assets/grafieken/x-staaf.svg" alt="x" onerror="y"></figure>';
    const out = rehypeRawWhereNeeded()({ type: 'root', children: [{ type: 'raw', value: other }] });
    expect(out).toMatchObject({ children: [{ tagName: 'figure', children: [{ tagName: 'img', properties: { onError: 'y' } }] }] });
  });

  it('is inlined as the SVG the helper made', () => {
    const assets = new AssetMap();
    assets.addContent('grafieken/x-staaf.svg', '<svg xmlns="http://www.w3.org/2000/svg"><title>A</title></svg>');
    expect(render(figure, new FootnoteCounter(), [], true, assets).html).toBe('<figure><svg xmlns="http://www.w3.org/2000/svg"><title>A</title></svg></figure>');
  });
});

describe('letterFor', () => {
  it('continues after z', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(letterFor)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
  });
});
