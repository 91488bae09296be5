import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';

/*
 * Footnotes an author cites a Kamerstuk or Handelingen in by hand are checked against the
 * letter's house style (src/records/lint-citations.ts), at the place they wrote them,
 * also through a {{…}} in the note.
 */
const PROJECT = path.join(FIXTURES, 'citaties');
const FILE = path.join(PROJECT, 'secties', '01-meldpunt.md');

describe('a hand-written citation in a footnote', () => {
  it('in another style than the letter\'s is a warning at its place, with the house-style form', () => {
    const found = check({ dir: PROJECT }).warnings.filter((w) => w.rule === 'citation-style');
    expect(found.map((w) => `${path.relative(PROJECT, w.file)}:${w.line}:${w.column}-${w.end?.line}:${w.end?.column}`)).toEqual([
      // Inside the note's sentence, only the citation.
      'secties/01-meldpunt.md:8:11-8:51',
      // The note's vergaderjaar is a helper call: the range runs over what the author wrote.
      'secties/01-meldpunt.md:9:7-9:68',
      'secties/01-meldpunt.md:10:7-10:49',
    ]);
    expect(found.every((w) => w.file === FILE && w.severity === 'warning')).toBe(true);
    const [vergaderjaar, motie, handelingen] = found;
    expect(vergaderjaar!.hint).toMatch(/^write "Kamerstukken II, 2024-2025, 29279, nr\. 889" \(citatiestijl: ministerie, dossiernotatie: aaneen\)/);
    // The paper is a record of the project: the hint names the call that writes its note.
    expect(motie!.hint).toContain('it is motie-890 in data/, and {{motie "motie-890"}} writes its note for you');
    expect(handelingen!.hint).toMatch(/^write "Handelingen II, vergaderjaar 2024-2025, nr\. 12, item 4\."/);
  });

  it('follows the letter\'s citatiestijl and dossiernotatie', () => {
    const ar = check({ dir: PROJECT, overrides: { citatiestijl: 'ar' } }).warnings.filter((w) => w.rule === 'citation-style');
    // Every note is now off, also [^a], which is right in the ministry style, and brief.md's.
    expect(ar.map((w) => `${path.basename(w.file)}:${w.line}`)).toEqual(['brief.md:19', '01-meldpunt.md:7', '01-meldpunt.md:8', '01-meldpunt.md:9', '01-meldpunt.md:10']);
    expect(ar[1]!.hint).toMatch(/^write "Kamerstukken II 2024\/25, 29279, nr\. 895" \(citatiestijl: ar/);
    const spaced = check({ dir: PROJECT, overrides: { dossiernotatie: 'gespatieerd' } }).warnings.filter((w) => w.rule === 'citation-style');
    expect(spaced.find((w) => w.file === FILE && w.line === 7)!.hint).toMatch(/^write "Kamerstukken II, 2024-2025, 29 279, nr\. 895\."/);
  });

  it('fails a build with --strict, exit 1, the previous output left as it was', () => {
    const out = tempDir('vb-citaties-');
    writeFileSync(path.join(out, 'brief.pdf'), '%PDF-1.7\n% previous build\n%%EOF\n');
    const run = spawnSync('node', [path.join(REPO_ROOT, 'bin/voortgangsbrief.js'), 'build', PROJECT, '--out', out, '--strict'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('test/fixtures/citaties/secties/01-meldpunt.md:8:11: error: the citation "Kamerstukken II, 2024/25, 29279, Nr. 889" is not written in the letter\'s house style');
    expect(run.stderr).toContain('> 8 | [^b]: Zie Kamerstukken II, 2024/25, 29279, Nr. 889 en de brief daarna.');
    expect(run.stderr).not.toMatch(/^\s+at |internal error/m);
    expect(readFileSync(path.join(out, 'brief.pdf'), 'utf8')).toBe('%PDF-1.7\n% previous build\n%%EOF\n');
    expect(readdirSync(out)).toEqual(['brief.pdf']);
  });
});
