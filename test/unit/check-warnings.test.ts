import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { copyFixture } from '../helpers/build-fixture.js';

describe('check warnings', () => {
  it('warns about a data file nothing refers to, at the file', () => {
    const dir = copyFixture('minimal');
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data', 'ongebruikt.yaml'), 'a: 1\n');
    writeFileSync(path.join(dir, 'data', 'cijfers.yaml'), 'meldingen: 131200\n');
    writeFileSync(path.join(dir, 'data', 'afzender.yaml'), 'website: www.example.nl\n');
    writeFileSync(path.join(dir, 'secties', '02-cijfers.md'), '---\ntitel: Cijfers\n---\nEr waren {{getal cijfers.meldingen}} meldingen.\n');
    const { warnings } = check({ dir });
    expect(warnings).toHaveLength(1);
    // The whole file is unused: no line of it is to blame.
    expect(warnings[0]).toMatchObject({ file: path.join(dir, 'data', 'ongebruikt.yaml'), line: 0, severity: 'warning', rule: 'unused-data' });
    expect(warnings[0]!.message).toMatch(/not used/);
  });

  it('counts a reference from a project template as use', () => {
    const dir = copyFixture('minimal');
    mkdirSync(path.join(dir, 'data'));
    mkdirSync(path.join(dir, 'templates', 'partials'), { recursive: true });
    writeFileSync(path.join(dir, 'data', 'huisstijl.yaml'), 'regel: Een regel uit de data\n');
    writeFileSync(
      path.join(dir, 'templates', 'partials', 'ondertekening.hbs'),
      '<section class="vb-ondertekening">{{#each ondertekening}}<p>{{functie}}</p><p>{{naam}}</p>{{/each}}<p>{{huisstijl.regel}}</p></section>',
    );
    const { warnings, documents } = check({ dir });
    expect(warnings).toEqual([]);
    expect(documents[0]!.html).toContain('Een regel uit de data');
  });
});
