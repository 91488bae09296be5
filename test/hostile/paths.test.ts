import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { FIXTURES, tempDir } from '../helpers/build-fixture.js';

/**
 * The refusals (`..`, symlinks out of the project) are cases in test/fixtures/errors.
 * These are the other side: what stays inside the project is allowed, however it is
 * reached, so the rule costs an author nothing.
 */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

function project(): string {
  const dir = path.join(tempDir('vb-paths-'), 'brief');
  cpSync(path.join(FIXTURES, 'minimal'), dir, { recursive: true });
  return dir;
}

describe('paths that stay inside the project', () => {
  it('accepts symlinks that point inside the project: a section, the data folder, a partial', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'gedeeld/data'), { recursive: true });
    writeFileSync(path.join(dir, 'gedeeld/extra.md'), '---\ntitel: Gedeeld\n---\nEr waren {{getal cijfers.meldingen}} meldingen.\n');
    writeFileSync(path.join(dir, 'gedeeld/data/cijfers.yaml'), 'meldingen: 12000\n');
    writeFileSync(path.join(dir, 'gedeeld/colofon.hbs'), '<div class="vb-colofon">{{afzender.organisatie}}</div>\n');
    symlinkSync('../gedeeld/extra.md', path.join(dir, 'secties/02-extra.md'));
    symlinkSync('gedeeld/data', path.join(dir, 'data'));
    mkdirSync(path.join(dir, 'templates/partials'), { recursive: true });
    symlinkSync(path.join(dir, 'gedeeld/colofon.hbs'), path.join(dir, 'templates/partials/colofon-vervolg.hbs'));

    const { documents } = check({ dir });
    expect(documents[0]!.html).toContain('Er waren 12.000 meldingen.');
  });

  it('accepts "../" that stays inside the project, and a project reached through a symlink', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'afbeeldingen'));
    writeFileSync(path.join(dir, 'afbeeldingen/grafiek.png'), PNG);
    writeFileSync(path.join(dir, 'secties/02-grafiek.md'), '---\ntitel: Grafiek\n---\n![Aantal meldingen per jaar](../afbeeldingen/grafiek.png)\n');
    const alias = path.join(tempDir('vb-alias-'), 'via-link');
    symlinkSync(dir, alias);

    const { documents } = check({ dir: alias });
    expect(documents[0]!.html).toMatch(/<img src="assets\/[^"]*grafiek[^"]*\.png" alt="Aantal meldingen per jaar">/);
  });
});
