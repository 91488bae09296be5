import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { renderDocument } from '../../src/layout/render-document.js';
import { buildLetterModel } from '../../src/model/build-letter-model.js';
import { FIXTURES, tempDir } from '../helpers/build-fixture.js';

/**
 * Issue 12, item 6: every mapping of the data cascade has no prototype, at every depth:
 * front matter, YAML, JSON and CSV data files and --set paths. No lookup (`toString`,
 * `constructor`, `hasOwnProperty`) finds a member of Object.prototype, and templates
 * still see all the data.
 */
const FIXTURE = path.join(FIXTURES, 'null-prototype');

/** Every object below `value` with its path; lists are walked, not counted (they stay arrays). */
function objectsIn(value: unknown, at = 'data', found: { at: string; proto: unknown }[] = []): { at: string; proto: unknown }[] {
  if (Array.isArray(value)) value.forEach((item, i) => objectsIn(item, `${at}[${i}]`, found));
  else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    found.push({ at, proto: Object.getPrototypeOf(value) });
    for (const [key, item] of Object.entries(value)) objectsIn(item, `${at}.${key}`, found);
  }
  return found;
}

describe('the data cascade without prototypes', () => {
  const overrides = { extra: { vlag: { van: { de: 'opdrachtregel' } } }, flag: { nieuw: { veld: 1 } } };
  const model = buildLetterModel(FIXTURE, { overrides });
  const objects = objectsIn(model.data);

  it('reaches every level: front matter, each kind of data file, --set', () => {
    const paths = objects.map((o) => o.at);
    // Deep ones of each source, so a walk that stops early cannot pass.
    expect(paths).toEqual(
      expect.arrayContaining([
        'data.extra.lijst[0].b.c[0]',
        'data.extra.kaart.x.y',
        'data.extra.vlag.van',
        'data.flag.nieuw',
        'data.kaart.regio[0].cijfers.jaren[0]',
        'data.kaart.bron.uitgever.adres',
        'data.telling.totaal.per_kwartaal[1].n[1]',
        'data.tabel[1]',
      ]),
    );
    expect(objects.length).toBeGreaterThan(25);
  });

  it('has a null prototype on every object', () => {
    expect(objects.filter((o) => o.proto !== null).map((o) => o.at)).toEqual([]);
  });

  it('finds no member of Object.prototype through any of them', () => {
    const data = model.data as Record<string, Record<string, unknown>>;
    for (const name of ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__', 'isPrototypeOf']) {
      expect(name in data.kaart!, name).toBe(false);
      expect((data.telling!.totaal as Record<string, unknown>)[name], name).toBeUndefined();
    }
  });

  it('templates still see all of the data', () => {
    const html = renderDocument(model).html;
    expect(html).toContain('Noord: 120 meldingen in Groningen Leeuwarden');
    expect(html).toContain('Zuid: 80 meldingen in Maastricht');
    expect(html).toContain('Totaal 200; bron CBS in Den Haag; 3; 2; Noord=120 Zuid=80 ; 12.');
  });
});

describe('a template that reaches for Object.prototype', () => {
  it.each(['{{kaart.bron.toString}}', '{{telling.totaal.hasOwnProperty}}', '{{extra.kaart.valueOf}}', '{{kaart.bron.constructor}}', '{{#each kaart.regio}}{{cijfers.isPrototypeOf}}{{/each}}'])(
    '%s is an unknown variable at its position, never an empty string',
    (expression) => {
      const dir = path.join(tempDir('vb-null-proto-'), 'brief');
      cpSync(FIXTURE, dir, { recursive: true });
      writeFileSync(path.join(dir, 'secties/03-proto.md'), `---\ntitel: Proto\n---\nTekst ${expression} hier.\n`);
      let error: unknown;
      try {
        renderDocument(buildLetterModel(dir));
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(InputError);
      const [d] = (error as InputError).diagnostics;
      expect(d).toMatchObject({ file: path.join(dir, 'secties/03-proto.md'), line: 4 });
      expect(d!.message).toMatch(/unknown (template variable|field)|not defined/);
    },
  );
});
