import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';
import { chromiumOf, snapshot, startCli } from './cli-process.js';

/**
 * Two builds of one project into one output folder at the same time (an editor's
 * save hook and a terminal, two CI jobs on a shared disk): every file is written to a
 * name of its own and renamed, so each file is whole, from one build or the other,
 * and no temporary file is left behind.
 */
describe('builds running at the same time', () => {
  it('two builds into one folder, and a third under another name: all PDFs whole', async () => {
    const out = tempDir('vb-concurrent-');
    const project = path.relative(REPO_ROOT, path.join(FIXTURES, 'minimal'));
    const runs = [
      startCli(['build', project, '--out', out, '--json']),
      startCli(['build', project, '--out', out, '--json']),
      startCli(['build', project, '--out', out, '--json', '--set', 'uitvoer.naam=brief-b']),
    ];
    const results = await Promise.all(runs.map((r) => r.done));

    for (const [i, r] of results.entries()) expect(r.code, runs[i]!.stderr()).toBe(0);
    const reported = runs.map((r) => JSON.parse(r.stdout()) as { documents: { pdf: string; pages: number }[] });
    for (const name of ['brief.pdf', 'brief-b.pdf']) {
      const pdf = await readPdf(path.join(out, name));
      const expected = reported.find((r) => r.documents[0]?.pdf.endsWith(name))!.documents[0]!.pages;
      expect(pdf.pages.length, name).toBe(expected);
      expect(pdf.pages[0]!.text, name).toContain('Pagina 1 van');
    }
    const files = [...snapshot(out).keys()];
    expect(files.filter((f) => f.endsWith('.tmp') || path.basename(f).startsWith('.'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['brief.pdf', 'brief.html', 'brief-b.pdf', 'brief-b.html']));
    for (const run of runs) expect(chromiumOf(run)).toEqual([]);
  });
});
