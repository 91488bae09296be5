import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FootnoteCounter } from '../../src/markdown/footnote-counter.js';
import { renderMarkdown } from '../../src/markdown/render-markdown.js';
import { AssetMap } from '../../src/model/asset-map.js';
import { PositionMap } from '../../src/diagnostics/position-map.js';

const render = (text: string, aanhalingstekens?: 'gekruld' | 'recht') =>
  renderMarkdown(
    {
      file: path.join(os.tmpdir(), 'sectie.md'),
      text,
      bodyLine: 4,
      map: PositionMap.identity(path.join(os.tmpdir(), 'sectie.md'), text, 4),
      idPrefix: 's1',
      numbering: undefined,
      projectRoot: os.tmpdir(),
      assets: new AssetMap(),
      aanhalingstekens,
    },
    new FootnoteCounter(),
    [],
  ).html;

describe('Dutch quotes in the Markdown stage', () => {
  it('sets ‘…’, “…” and the apostrophe ’', () => {
    const html = render(`Zij riepen 'Stop femicide!' en "Veilig Thuis" in alle regio's.`);
    expect(html).toContain('Zij riepen ‘Stop femicide!’ en “Veilig Thuis” in alle regio’s.');
  });

  it('in footnotes too', () => {
    const html = render(`Een bewering.[^a]\n\n[^a]: Zie het rapport 'Samen sterk'.`);
    expect(html).toContain('‘Samen sterk’');
  });

  it('never inside code, URLs or attributes', () => {
    const html = render(
      `Tekst met \`code 'x' "y"\` en [een link](https://example.org/a'b "titel 'z'") en <span title="a 'b'">los</span>.\n\n\`\`\`\nblok 'c'\n\`\`\``,
    );
    expect(html).toContain(`<code>code 'x' "y"</code>`);
    expect(html).toContain(`href="https://example.org/a&#x27;b"`);
    expect(html).toContain(`title="titel &#x27;z&#x27;"`);
    expect(html).toContain(`title="a &#x27;b&#x27;"`);
    expect(html).toContain(`blok 'c'`);
  });

  it('leaves a URL written out as a link as typed', () => {
    const html = render(`Zie https://example.org/it's-here voor 'meer'.`);
    expect(html.replace(/<[^>]+>/g, '')).toContain(`Zie https://example.org/it's-here voor ‘meer’.`);
  });

  it('keeps straight quotes when the project says aanhalingstekens: recht', () => {
    expect(render(`'Stop femicide!' in de regio's`, 'recht')).toContain(`'Stop femicide!' in de regio's`);
  });
});
