import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { renderDocument } from '../../src/layout/render-document.js';
import { buildLetterModel } from '../../src/model/build-letter-model.js';
import { HeadingNumberer } from '../../src/numbering/heading-numberer.js';
import { handTypedNumber } from '../../src/numbering/hand-typed-number.js';
import { resolveScheme } from '../../src/numbering/resolve-scheme.js';
import { roman } from '../../src/numbering/roman.js';
import { check } from '../../src/check.js';
import { copyFixture, FIXTURES } from '../helpers/build-fixture.js';

/** Numbers a sequence of heading levels and returns the printed labels. */
function labels(scheme: ReturnType<typeof resolveScheme>, levels: number[]): string[] {
  const n = new HeadingNumberer(scheme);
  return levels.map((l) => n.next(l)?.label ?? '-');
}

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('numbering schemes', () => {
  const outline = [1, 2, 2, 3, 3, 4, 1, 2, 3];

  it('brief: 1., a., deeper levels unnumbered', () => {
    expect(labels(resolveScheme('brief'), outline)).toEqual(['1.', 'a.', 'b.', '-', '-', '-', '2.', 'a.', '-']);
    expect(labels(resolveScheme(true), [1, 2])).toEqual(['1.', 'a.']);
  });

  it('decimaal: 1, 1.1, 1.1.1', () => {
    expect(labels(resolveScheme('decimaal'), outline)).toEqual(['1', '1.1', '1.2', '1.2.1', '1.2.2', '-', '2', '2.1', '2.1.1']);
  });

  it('romeins: Hoofdstuk I, I.1, I.1.1, with the chapter word configurable', () => {
    expect(labels(resolveScheme('romeins'), outline)).toEqual(['Hoofdstuk I', 'I.1', 'I.2', 'I.2.1', 'I.2.2', '-', 'Hoofdstuk II', 'II.1', 'II.1.1']);
    expect(labels(resolveScheme({ schema: 'romeins', niveaus: { 1: { woord: 'Deel', doorlopend: false } } }), [1, 1, 1, 1])).toEqual(['Deel I', 'Deel II', 'Deel III', 'Deel IV']);
    expect(labels(resolveScheme({ schema: 'romeins', niveaus: { 1: { woord: '', doorlopend: false } } }), [1, 2])).toEqual(['I', 'I.1']);
  });

  it('geen and false number nothing', () => {
    expect(labels(resolveScheme('geen'), outline).every((l) => l === '-')).toBe(true);
    expect(labels(resolveScheme(false), outline).every((l) => l === '-')).toBe(true);
  });

  it('doorlopend: a level counts on across the headings above it', () => {
    const plan = resolveScheme({ schema: 'brief', niveaus: { 2: { vorm: 'cijfer', doorlopend: true } } });
    // Four pijlers with 3, 2, 3 and 2 prioriteiten: 1–10, not 1–3 per pijler.
    const levels = [1, 2, 2, 2, 1, 2, 2, 1, 2, 2, 2, 1, 2, 2];
    expect(labels(plan, levels).filter((_, i) => levels[i] === 2)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.']);
    const decimal = resolveScheme({ schema: 'decimaal', niveaus: { 2: { doorlopend: true } } });
    // A doorlopend level is unique on its own; the level below builds on it.
    expect(labels(decimal, [1, 2, 2, 1, 2, 3])).toEqual(['1', '1', '2', '2', '3', '3.1']);
  });

  it('writes roman numerals', () => {
    expect([1, 4, 9, 14, 40, 99, 2024].map(roman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'XCIX', 'MMXXIV']);
  });

  it('recognises numbers typed by hand, not years or words', () => {
    for (const t of ['1. Inleiding', '1.1 Doel', '2.3. Aanpak', 'a. Impactmonitor', 'II.1.1 Cijfers', 'IV. Slot', 'Hoofdstuk 3 Bevindingen', 'Hoofdstuk IV']) {
      expect(handTypedNumber(t), t).toBeDefined();
    }
    for (const t of ['2025 in cijfers', 'Aanpak', 'Inleiding', 'Ik en de ander', 'De 10 prioriteiten']) {
      expect(handTypedNumber(t), t).toBeUndefined();
    }
  });
});

describe('numbering in a letter', () => {
  it('numbers the pijlers and the prioriteiten 1–10 straight through', () => {
    const doc = renderDocument(buildLetterModel(path.join(FIXTURES, 'doorlopend')));
    const headings = [...doc.html.matchAll(/<h[23][^>]*>([^<]*)<\/h[23]>/g)].map((m) => m[1]!);
    expect(headings.filter((h) => h.startsWith('Pijler'))).toEqual(['Pijler 1 Voorkomen', 'Pijler 2 Signaleren', 'Pijler 3 Stoppen', 'Pijler 4 Herstellen']);
    expect(headings.filter((h) => h.startsWith('Prioriteit')).map((h) => /^Prioriteit (\d+)/.exec(h)![1])).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    );
  });

  it('warns when a heading carries a typed number as well as the scheme\'s', () => {
    const dir = copyFixture('minimal');
    writeFileSync(path.join(dir, 'secties', '02-dubbel.md'), '---\ntitel: 2. Dubbel genummerd\n---\nTekst.\n\n# a. Ook met de hand\n\nTekst.\n');
    const { warnings } = check({ dir });
    const typed = warnings.filter((w) => /starts with the number/.test(w.message));
    expect(typed.map((w) => [path.basename(w.file), w.line])).toEqual([
      ['02-dubbel.md', 2],
      ['02-dubbel.md', 6],
    ]);
    expect(typed[0]!.hint).toMatch(/remove "2\."/);
  });

  it('a bijlage follows the letter\'s scheme unless it sets its own', () => {
    const dir = copyFixture('minimal');
    mkdirSync(path.join(dir, 'bijlagen'));
    writeFileSync(path.join(dir, 'bijlagen', '01-volgt.md'), '---\ntitel: Volgt\n---\n# Eerste\n\nTekst.\n');
    writeFileSync(path.join(dir, 'bijlagen', '02-eigen.md'), '---\ntitel: Eigen\nnummering: romeins\n---\n# Eerste\n\nTekst.\n\n## Tweede\n\nTekst.\n');
    const html = text(renderDocument(buildLetterModel(dir)).html);
    expect(html).toContain('a. Eerste');
    expect(html).toContain('Hoofdstuk I Eerste');
    expect(html).toContain('I.1 Tweede');
    expect(html).not.toContain('a. Hoofdstuk');
  });
});

describe('captions and cross-references', () => {
  function project(files: Record<string, string>): string {
    const dir = copyFixture('minimal');
    for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
    return dir;
  }
  const table = (caption: string) => `${caption}\n\n| Jaar | Aantal |\n|---|--:|\n| 2023 | 12 |\n`;

  it('numbers tables and figures through the document and writes references to them', () => {
    const dir = project({
      'secties/02-cijfers.md': [
        '---\ntitel: Cijfers\n---',
        'Zie {{verwijzing "later"}} en {{verwijzing "aanpak" hoofdletter=true}}.',
        table('Tabel: Meldingen {#eerste}'),
        table('Tabel: Adviezen {#later}'),
        '# Aanpak {#aanpak}\n\nTekst.',
      ].join('\n\n'),
    });
    const html = renderDocument(buildLetterModel(dir)).html;
    expect(html).toContain('<caption class="vb-bijschrift">Tabel 1. Meldingen</caption>');
    expect(html).toContain('<caption class="vb-bijschrift">Tabel 2. Adviezen</caption>');
    expect(html).toContain('Zie <a class="vb-verwijzing" href="#ref-later">tabel 2</a> en <a class="vb-verwijzing" href="#ref-aanpak">Paragraaf 2a</a>.');
    expect(html).toMatch(/<table id="ref-later">/);
  });

  it('counts per chapter when asked: Tabel 2.1', () => {
    const dir = project({
      'secties/02-cijfers.md': ['---\ntitel: Cijfers\n---', table('Tabel: Meldingen'), table('Tabel: Adviezen')].join('\n\n'),
    });
    const brief = path.join(dir, 'brief.md');
    writeFileSync(brief, readBrief(brief).replace('nummering: true', 'nummering: decimaal\nbijschriften: { nummering: per-hoofdstuk }'));
    const html = renderDocument(buildLetterModel(dir)).html;
    expect(html).toContain('Tabel 2.1. Meldingen');
    expect(html).toContain('Tabel 2.2. Adviezen');
  });

  it('reports an unknown label at the place of the reference', () => {
    const dir = project({ 'secties/02-fout.md': '---\ntitel: Fout\n---\nRegel een.\n\nZie {{verwijzing "onbekend"}} hier.\n' });
    try {
      renderDocument(buildLetterModel(dir));
      expect.unreachable('an unknown label must be an error');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const d = (err as InputError).diagnostics[0]!;
      expect([path.basename(d.file), d.line, d.column]).toEqual(['02-fout.md', 6, 5]);
      expect(d.message).toContain('"onbekend"');
      expect(d.hint).toBeTruthy();
    }
  });

  it('reports a label used twice', () => {
    const dir = project({ 'secties/02-dubbel.md': '---\ntitel: Dubbel\n---\n# Een {#x}\n\n# Twee {#x}\n' });
    expect(() => renderDocument(buildLetterModel(dir))).toThrow(/label "x" is used twice/);
  });
});

function readBrief(file: string): string {
  return readFileSync(file, 'utf8');
}

describe('figure captions', () => {
  it('turns an image or chart with a "Figuur:" line above it into a numbered figure', () => {
    const dir = copyFixture('minimal');
    writeFileSync(path.join(dir, 'secties', 'kaart.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    writeFileSync(
      path.join(dir, 'secties', '02-figuren.md'),
      '---\ntitel: Figuren\n---\nFiguur: Regio’s in beeld {#kaart}\n\n![Kaart van de regio’s](kaart.svg)\n\nZoals {{verwijzing "kaart"}} laat zien.\n',
    );
    const html = renderDocument(buildLetterModel(dir)).html;
    expect(html).toMatch(/<figure id="ref-kaart"><figcaption class="vb-bijschrift">Figuur 1\. Regio’s in beeld<\/figcaption><img [^>]*alt="Kaart van de regio’s"/);
    expect(html).toContain('Zoals <a class="vb-verwijzing" href="#ref-kaart">figuur 1</a> laat zien.');
  });

  it('warns about a caption line with nothing to caption', () => {
    const dir = copyFixture('minimal');
    writeFileSync(path.join(dir, 'secties', '02-los.md'), '---\ntitel: Los\n---\nTabel: Zonder tabel\n\nGewone tekst.\n');
    const { warnings } = check({ dir });
    expect(warnings.find((w) => /no table follows/.test(w.message))).toMatchObject({ line: 4, column: 1 });
  });
});

describe('type rapport', () => {
  it('needs a titel instead of the letterhead fields', () => {
    const dir = copyFixture('types/rapport');
    const brief = path.join(dir, 'brief.md');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('titel: Nulmeting Verdrag van Istanbul\n', ''));
    try {
      buildLetterModel(dir);
      expect.unreachable('a rapport without titel must be an error');
    } catch (err) {
      const d = (err as InputError).diagnostics;
      expect(d.map((x) => x.message)).toEqual(['missing required field "titel"']);
      expect(path.basename(d[0]!.file)).toBe('brief.md');
    }
  });

  it('checks without warnings', () => {
    expect(check({ dir: path.join(FIXTURES, 'types/rapport') }).warnings).toEqual([]);
    expect(check({ dir: path.join(FIXTURES, 'rapport-bijlage') }).warnings).toEqual([]);
  });
});
