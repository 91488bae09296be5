import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FootnoteCounter } from '../../src/markdown/footnote-counter.js';
import { renderMarkdown } from '../../src/markdown/render-markdown.js';
import { curlQuotes, elide, smartypants } from '../../src/format/curl-quotes.js';
import { AssetMap } from '../../src/model/asset-map.js';
import { PositionMap } from '../../src/diagnostics/position-map.js';
import { renderDocument } from '../../src/layout/render-document.js';
import { buildLetterModel } from '../../src/model/build-letter-model.js';
import { copyFixture } from '../helpers/build-fixture.js';

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

describe('curlQuotes', () => {
  // Letters of several scripts, ligatures and letters parse-latin might not see as word characters.
  const letters = 'aeszAÉßĳŉǅªºµαΩжЯא中ｱ'.split('');
  const others = [' ', '.', ',', '-', '!', '(', ')', '0', '9', '\u0301', '\u00a0', '\n', '`'];

  it('curls only-apostrophe text exactly as retext-smartypants does', () => {
    // Words with apostrophes inside them: the texts the fast path takes.
    const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 4 }).map((l) => l.join(''));
    const withApostrophes = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join("'"));
    const text = fc.array(fc.oneof(withApostrophes, fc.constantFrom(...others)), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(curlQuotes(t)).toBe(smartypants(t));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with retext-smartypants on any mix of quotes, letters and punctuation, once the apostrophes of elision are set', () => {
    const text = fc.array(fc.constantFrom(...letters, ...others, "'", '"', "'s ", "'t ", "'90"), { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(curlQuotes(t)).toBe(smartypants(elide(t)));
        expect(curlQuotes(t)).toHaveLength(t.length);
      }),
      { numRuns: 500 },
    );
  });

  it('sets the apostrophe of a word shortened at its start as ’, as Dutch does, not as an opening quote', () => {
    expect(curlQuotes("In 's-Hertogenbosch en 's avonds bij 't Hooft, sinds de jaren '90.")).toBe('In ’s-Hertogenbosch en ’s avonds bij ’t Hooft, sinds de jaren ’90.');
    expect(curlQuotes("| 's-Gravenhage | 's ochtends |")).toBe('| ’s-Gravenhage | ’s ochtends |');
    expect(curlQuotes("Zij zei 'stop' en 'toen' in 1990 ('90).")).toBe('Zij zei ‘stop’ en ‘toen’ in 1990 (’90).');
    expect(curlQuotes("zo'n regio's")).toBe('zo’n regio’s');
  });
});

describe('Dutch quotes in what front matter sets as a heading', () => {
  const project = (aanhalingstekens?: string) => {
    const dir = copyFixture('minimal');
    const brief = readFileSync(path.join(dir, 'brief.md'), 'utf8');
    writeFileSync(
      path.join(dir, 'brief.md'),
      brief.replace(/^betreft: .*$/m, `betreft: "Voortgang 'Samen tegen geweld' in de regio's"${aanhalingstekens ? `\naanhalingstekens: ${aanhalingstekens}` : ''}`),
    );
    writeFileSync(path.join(dir, 'secties', '02-regios.md'), `---\ntitel: "De regio's en het \\"meldpunt\\""\n---\nTekst.\n`);
    return dir;
  };

  it('curls the betreft and a section\'s titel: the Betreft line, the section heading and the HTML title', () => {
    const html = renderDocument(buildLetterModel(project())).html;
    expect(html).toContain('<title>Voortgang ‘Samen tegen geweld’ in de regio’s</title>');
    expect(html).toMatch(/<h1 class="vb-betreft">Voortgang ‘Samen tegen geweld’ in de regio’s<\/h1>/);
    expect(html).toMatch(/<h2[^>]*>(<[^>]+>)*[^<]*De regio’s en het “meldpunt”/);
    expect(html).not.toMatch(/regio's/);
  });

  it("curls a rapport's ondertitel on its title page", () => {
    const dir = copyFixture(path.join('types', 'rapport'));
    const brief = readFileSync(path.join(dir, 'brief.md'), 'utf8');
    writeFileSync(path.join(dir, 'brief.md'), brief.replace(/^(\s*)ondertitel: .*$/m, `$1ondertitel: "Een 'nulmeting' in de regio's"`));
    const html = renderDocument(buildLetterModel(dir)).html;
    expect(html).toContain('Een ‘nulmeting’ in de regio’s');
    expect(html).not.toContain('nulmeting&#x27;');
  });

  it('leaves them as typed with aanhalingstekens: recht', () => {
    const html = renderDocument(buildLetterModel(project('recht'))).html;
    expect(html).toContain('De regio&#x27;s en het &quot;meldpunt&quot;');
    expect(html).not.toContain('’');
  });
});
