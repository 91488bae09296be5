import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { formatDossier } from '../../src/format/format-dossier.js';
import { functieInZin, opsomming } from '../../src/format/opsomming.js';
import { initProject, PROJECT_TYPES } from '../../src/init/init-project.js';
import { copyFixture, FIXTURES, tempDir } from '../helpers/build-fixture.js';

function copyType(type: string): string {
  const dir = tempDir(`vb-${type}-`);
  cpSync(path.join(FIXTURES, 'types', type), dir, { recursive: true });
  return dir;
}

function errorsOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.diagnostics;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('document type helpers', () => {
  it('writes dossier numbers as the printed Kamerstuk does', () => {
    expect(formatDossier(28345)).toBe('28\u2009345');
    expect(formatDossier('36600-XVI')).toBe('36\u2009600 XVI');
    expect(formatDossier('28345/34843')).toBe('28\u2009345/34\u2009843');
  });

  it('joins co-signers and writes function lines in running text', () => {
    expect(opsomming(['de minister van Justitie en Veiligheid', 'de minister van Onderwijs, Cultuur en Wetenschap'])).toBe(
      'de minister van Justitie en Veiligheid en de minister van Onderwijs, Cultuur en Wetenschap',
    );
    expect(opsomming(['a', 'b', 'c'])).toBe('a, b en c');
    expect(functieInZin('De Minister voor Rechtsbescherming,')).toBe('de minister voor Rechtsbescherming');
  });
});

describe('document type front matter', () => {
  it('requires the type\'s own block, at brief.md', () => {
    const [d] = errorsOf(() => check({ dir: copyFixture('minimal'), overrides: { type: 'kamerstuk' } }));
    expect(d!.message).toBe('field "kamerstuk" is required for type: kamerstuk');
    expect(path.basename(d!.file)).toBe('brief.md');
  });

  it('reports an unknown field inside kamervragen at its line', () => {
    const dir = copyType('kamervragen');
    const brief = path.join(dir, 'brief.md');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('  zaaknummer: 2020Z15904', '  zaaknummer: 2020Z15904\n  zaaknumer: x'));
    const [d] = errorsOf(() => check({ dir }));
    expect(d!.message).toBe('unknown field "zaaknumer" in "kamervragen"');
    expect(d!.line).toBe(22);
  });

  it('rejects an unknown type with the allowed values', () => {
    const [d] = errorsOf(() => check({ dir: copyFixture('minimal'), overrides: { type: 'memo' } }));
    expect(d!.hint).toContain('kamervragen');
  });

  it('numbers "# Vraag" / "# Antwoord" in a bijlage marked antwoorden', () => {
    const dir = copyType('kamervragen');
    rmSync(path.join(dir, 'data', 'vragen.yaml'));
    mkdirSync(path.join(dir, 'bijlagen'));
    writeFileSync(
      path.join(dir, 'bijlagen', '01-antwoorden.md'),
      '---\ntitel: Antwoorden\nantwoorden: true\n---\n# Vraag\n\nEen?\n\n# Antwoord\n\nJa.{{bron "cbs-veiligheidsmonitor"}}\n\n# Vraag\n\nTwee?\n\n# Antwoord\n\nNee.\n',
    );
    const html = check({ dir }).documents[0]!.html;
    expect(html.match(/<h3 class="vb-vraagkop">[^<]+/g)).toEqual([
      '<h3 class="vb-vraagkop">Vraag 1',
      '<h3 class="vb-vraagkop">Antwoord 1',
      '<h3 class="vb-vraagkop">Vraag 2',
      '<h3 class="vb-vraagkop">Antwoord 2',
    ]);
    expect(html).toContain('Antwoorden van de minister voor Rechtsbescherming en de staatssecretaris');
  });
});

describe('init', () => {
  for (const type of PROJECT_TYPES) {
    it(`scaffolds a ${type} that passes check --strict`, () => {
      const dir = path.join(tempDir(), type);
      initProject(dir, type, new Date('2025-03-04T12:00:00Z'));
      const { warnings, model } = check({ dir });
      expect(warnings).toEqual([]);
      expect(model.meta.type).toBe(type);
    });
  }
});

