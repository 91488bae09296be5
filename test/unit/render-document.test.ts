import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/layout/render-document.js';
import { buildLetterModel } from '../../src/model/build-letter-model.js';
import { FIXTURES } from '../helpers/build-fixture.js';

/** The letter body of the rendered page, without the (long, generated) head. */
function mainOf(html: string): string {
  const body = /<div class="vb-brief" role="main">([\s\S]*)<\/div>\s*<\/body>/.exec(html)?.[1] ?? '';
  return body.replace(/\n\s*\n/g, '\n').trim();
}

describe('renderDocument', () => {
  const doc = renderDocument(buildLetterModel(path.join(FIXTURES, 'minimal')));

  it('renders the letter body as semantic HTML', () => {
    expect(mainOf(doc.html)).toMatchSnapshot();
  });

  it('carries page furniture as templates, outside the text flow', () => {
    expect(doc.html).toMatch(/<template id="vb-pagina-eerste">[\s\S]*Onze referentie[\s\S]*<\/template>/);
    expect(doc.html).toMatch(/<template id="vb-pagina-vervolg">[\s\S]*Datum[\s\S]*<\/template>/);
  });

  it('gives each footnote its number, which the call shows (see page-runner.js)', () => {
    expect(doc.footnotes).toBe(3);
    expect(doc.html).toMatch(/<span class="footnote vbfn-3" data-footnote="3">/);
    expect(doc.html).not.toContain('data-footnote="4"');
  });

  it('registers only bundled assets: fonts, logo and the page runner', () => {
    const urls = doc.assets.urls();
    expect(urls).toContain('assets/logo.svg');
    expect(urls).toContain('assets/page-runner.js');
    expect(urls.filter((u) => u.endsWith('.js'))).toEqual(['assets/page-runner.js']);
    // Fira Sans in four faces, each in Latin, Latin Extended and Greek; the Noto fallbacks once.
    expect(urls.filter((u) => u.startsWith('assets/fonts/fira-sans-')).length).toBe(12);
    expect(urls.filter((u) => u.startsWith('assets/fonts/noto-sans-')).length).toBe(3);
    expect(urls.filter((u) => u.startsWith('assets/fonts/')).length).toBe(15);
  });

  it('has a language, a title and an author for assistive technology and PDF metadata', () => {
    expect(doc.html).toContain('<html lang="nl">');
    expect(doc.title).toBe('Verzamelbrief zeden en veiligheid van vrouwen');
    expect(doc.author).toBe('Ministerie van Justitie en Veiligheid');
  });
});
