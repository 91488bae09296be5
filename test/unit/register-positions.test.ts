import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBuildCache } from '../../src/build-cache.js';
import { check } from '../../src/check.js';
import type { RenderedDocument } from '../../src/layout/render-document.js';
import { copyFixture, FIXTURES } from '../helpers/build-fixture.js';

/*
 * A register bijlage is text the tool writes from data/moties.yaml. Its marks (the
 * places the page runner's warnings name) point at the record and field each piece was
 * made from, not at the bijlage that shows it. test/cli/overflow-cli.test.ts shows the
 * warning an author gets from it.
 */
const FIXTURE = path.join(FIXTURES, 'overflow', 'register-woord');

/** "file:line:column" of the element whose opening tag matches `tag` and whose text contains `text`. */
function placeOf(doc: RenderedDocument, tag: string, text: string, dir: string): string | undefined {
  const html = doc.pageHtml!;
  const found = [...html.matchAll(new RegExp(`<${tag} data-vb-at="([^"]+)"[^>]*>`, 'g'))].find((m) => {
    const rest = html.slice(m.index + m[0].length);
    return rest.slice(0, rest.indexOf(`</${tag.split(' ')[0]}>`)).includes(text);
  });
  const at = found && doc.marks![found[1]!];
  return at && `${path.relative(dir, at.file)}:${at.line}:${at.column}`;
}

describe('marks in a register bijlage', () => {
  it('point at the record, its status and its stand_van_zaken in the data file, in a table and in sections', () => {
    const [doc] = check({ dir: FIXTURE, cache: createBuildCache() }).documents;
    const at = (tag: string, text: string) => placeOf(doc!, tag, text, FIXTURE);
    // As a table (bijlage 1): the label cell at the record's id, the others at their field.
    expect(at('td', 'Motie Mutluer')).toBe('data/moties.yaml:12:7');
    expect(at('td', 'Status: openstaand')).toBe('data/moties.yaml:19:11');
    expect(at('td', 'overzicht_meldingen')).toBe('data/moties.yaml:20:20');
    // What the appendix writes itself, the table and its head, at the bijlage's `register:`.
    expect(at('table', 'Motie of toezegging')).toBe('bijlagen/01-tabel.md:4:3');
    expect(at('th', 'Stand van zaken')).toBe('bijlagen/01-tabel.md:4:3');
    expect(at('h3', 'Moties')).toBe('bijlagen/01-tabel.md:4:3');
    // The author's own text above it stays where it is.
    expect(at('p', 'De moties, als tabel.')).toBe('bijlagen/01-tabel.md:7:1');
    // As sections (bijlage 2).
    expect(at('h4', 'Motie Van der Werf')).toBe('data/moties.yaml:2:7');
    expect(at('p', 'Status: voldaan')).toBe('data/moties.yaml:9:11');
    expect(at('p', 'dag en nacht bereikbaar')).toBe('data/moties.yaml:10:20');
    expect(at('p', 'overzicht_meldingen')).toBe('data/moties.yaml:20:20');
  });

  it('follow the data file when lines are added above a record whose text stays the same', () => {
    const dir = copyFixture(path.join('overflow', 'register-woord'));
    const cache = createBuildCache();
    const first = check({ dir, cache }).documents[0]!;
    expect(placeOf(first, 'p', 'overzicht_meldingen', dir)).toBe('data/moties.yaml:20:20');
    const file = path.join(dir, 'data', 'moties.yaml');
    writeFileSync(file, `# Bijgewerkt.\n# Nog een regel.\n${readFileSync(file, 'utf8')}`);
    const misses = cache.markdown.misses;
    const second = check({ dir, cache }).documents[0]!;
    expect(placeOf(second, 'p', 'overzicht_meldingen', dir)).toBe('data/moties.yaml:22:20');
    expect(placeOf(second, 'td', 'overzicht_meldingen', dir)).toBe('data/moties.yaml:22:20');
    // Only the two bijlagen were rendered again: their text is the same, their places are not.
    expect(cache.markdown.misses - misses).toBe(2);
  });
});
