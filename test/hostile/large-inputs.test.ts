import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { LIMITS } from '../../src/project/limits.js';
import { FIXTURES, tempDir } from '../helpers/build-fixture.js';

/**
 * Inputs over the limits are cases in test/fixtures/errors (large-*). Inputs just
 * under them must still go through quickly: the limits are there so that nothing an
 * author can put in a project makes `check` slow, not to refuse real letters.
 */
function project(): string {
  const dir = path.join(tempDir('vb-large-'), 'brief');
  cpSync(path.join(FIXTURES, 'minimal'), dir, { recursive: true });
  return dir;
}

describe('large inputs under the limits', () => {
  it('a CSV of 50,000 rows used in the text: checked within seconds', () => {
    const dir = project();
    const rows = Array.from({ length: 50_000 }, (_, i) => `${2000 + (i % 25)},Regio ${i},${i * 7}`);
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data/groot.csv'), `jaar,regio,meldingen\n${rows.join('\n')}\n`);
    writeFileSync(path.join(dir, 'secties/02-cijfers.md'), '---\ntitel: Cijfers\n---\nDe reeks telt {{getal groot.length}} regels; de eerste regio is {{groot.[0].regio}}.\n');

    const started = performance.now();
    const { documents } = check({ dir });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(documents[0]!.html).toContain('De reeks telt 50.000 regels; de eerste regio is Regio 0.');
  });

  it('a section just under the Markdown limit: checked within seconds', () => {
    const dir = project();
    const paragraph = 'Het aantal meldingen bij Veilig Thuis nam in 2024 opnieuw toe, vooral in de grote steden. '.repeat(8) + '\n\n';
    const body = paragraph.repeat(Math.floor((LIMITS.markdown - 100) / paragraph.length));
    writeFileSync(path.join(dir, 'secties/02-lang.md'), `---\ntitel: Lang\n---\n${body}`);

    const started = performance.now();
    check({ dir });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
