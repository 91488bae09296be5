import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), color: false }, out, err };
}

/** Three letter projects, as a CI job that publishes a batch of letters has them. */
function projects(): string[] {
  const root = tempDir('vb-batch-');
  return ['jeugd', 'zorg', 'onderwijs'].map((name, i) => {
    const dir = path.join(root, name);
    cpSync(path.join(FIXTURES, 'minimal'), dir, { recursive: true });
    const brief = path.join(dir, 'brief.md');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace(/^betreft: .*$/m, `betreft: Voortgangsbrief ${name} ${i + 1}`));
    return dir;
  });
}

describe('build with several projects in one run', () => {
  it('writes each letter into its own folder under --out, in one browser, with one JSON result', async () => {
    const dirs = projects();
    const out = tempDir('vb-batch-out-');
    const c = capture();
    const code = await main(['build', ...dirs.map((d) => path.relative(REPO_ROOT, d)), '--out', out, '--json'], c.io);
    expect(code, c.err.join('\n')).toBe(0);
    const result = JSON.parse(c.out[0]!) as { documents: { pdf: string }[] };
    expect(result.documents.map((d) => d.pdf)).toEqual(['jeugd', 'zorg', 'onderwijs'].map((n) => path.join(out, n, 'brief.pdf')));
    // Each PDF holds its own letter, although they were printed at the same time.
    for (const [i, name] of ['jeugd', 'zorg', 'onderwijs'].entries()) {
      const pdf = await readPdf(path.join(out, name, 'brief.pdf'));
      expect(pdf.pages[0]!.text).toContain(`Voortgangsbrief ${name} ${i + 1}`);
    }
  });

  it('without --out, writes each letter into its own project’s output folder', async () => {
    const dirs = projects().slice(0, 2);
    const c = capture();
    expect(await main(['build', ...dirs, '--quiet'], c.io), c.err.join('\n')).toBe(0);
    for (const d of dirs) expect(existsSync(path.join(d, 'output', 'brief.pdf'))).toBe(true);
  });

  it('reports the mistakes of every project and writes nothing when one is wrong', async () => {
    const dirs = projects();
    const wrong = [dirs[0]!, dirs[2]!];
    for (const d of wrong) {
      const brief = path.join(d, 'brief.md');
      writeFileSync(brief, readFileSync(brief, 'utf8').replace(/^datum: .*$/m, 'datum: 2025-02-30'));
    }
    const out = tempDir('vb-batch-out-');
    const c = capture();
    expect(await main(['build', ...dirs, '--out', out], c.io)).toBe(1);
    const stderr = c.err.join('\n');
    for (const d of wrong) expect(stderr).toContain(`${path.relative(process.cwd(), path.join(d, 'brief.md'))}:`);
    expect(stderr).toContain('2 errors; nothing was written.');
    expect(existsSync(path.join(out, 'zorg'))).toBe(false);
  });

  it('gives two projects in folders of the same name separate output folders', async () => {
    const [a, b] = projects();
    const twin = path.join(tempDir('vb-batch-twin-'), path.basename(a!));
    cpSync(b!, twin, { recursive: true });
    const out = tempDir('vb-batch-out-');
    const c = capture();
    expect(await main(['build', a!, twin, '--out', out, '--quiet'], c.io), c.err.join('\n')).toBe(0);
    expect(existsSync(path.join(out, 'jeugd', 'brief.pdf'))).toBe(true);
    expect(existsSync(path.join(out, 'jeugd-2', 'brief.pdf'))).toBe(true);
  });
});
