import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLetterModel } from '../../src/model/build-letter-model.js';
import { TWEEDE_KAMER } from '../../src/model/letter-schema.js';
import { FIXTURES } from '../helpers/build-fixture.js';

// One test per precedence rule: defaults < config < data files < front matter < CLI flags.
const dir = path.join(FIXTURES, 'cascade');

describe('data cascade', () => {
  it('defaults apply when nobody sets a field', () => {
    const model = buildLetterModel(path.join(FIXTURES, 'minimal'));
    expect(model.meta.geadresseerde).toEqual(TWEEDE_KAMER);
    expect(model.meta.uitvoer.naam).toBe('brief');
  });

  it('config overrides defaults', () => {
    expect(buildLetterModel(dir).meta.geadresseerde[0]).toBe('Aan de Voorzitter van de Eerste Kamer');
  });

  it('data files override config', () => {
    expect(buildLetterModel(dir).meta.afzender.website).toBe('www.data.example');
  });

  it('front matter overrides data files', () => {
    expect(buildLetterModel(dir).meta.afzender.directie).toBe('Directie uit front matter');
  });

  it('CLI flags override front matter', () => {
    const model = buildLetterModel(dir, { overrides: { betreft: 'Betreft van de opdrachtregel' } });
    expect(model.meta.betreft).toBe('Betreft van de opdrachtregel');
    expect(buildLetterModel(dir).meta.betreft).toBe('Betreft uit de front matter');
  });

  it('merges objects key by key and replaces lists whole', () => {
    const model = buildLetterModel(dir, { overrides: { geadresseerde: ['Aan de Minister-President'] } });
    // organisatie only in config, website from data, directie from front matter: one merged afzender.
    expect(model.meta.afzender).toMatchObject({
      organisatie: 'Ministerie van Justitie en Veiligheid',
      website: 'www.data.example',
      directie: 'Directie uit front matter',
    });
    expect(model.meta.geadresseerde).toEqual(['Aan de Minister-President']);
  });

  it('derives the retouradres from the postal address', () => {
    expect(buildLetterModel(dir).meta.retouradres).toBe('Postbus 20301 2500 EH Den Haag');
  });
});
