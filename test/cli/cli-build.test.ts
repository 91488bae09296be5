import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

describe('voortgangsbrief build (in process)', () => {
  it('prints one JSON object with --json and applies --set as the highest layer', async () => {
    const out = tempDir('vb-cli-');
    const c = capture();
    const code = await main(
      ['build', path.join(FIXTURES, 'minimal'), '--out', out, '--json', '--set', 'betreft=Gewijzigd onderwerp', '--set', 'uitvoer.naam=brief-2024'],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.out).toHaveLength(1);
    const result = JSON.parse(c.out[0]!);
    expect(result.documents).toEqual([
      { pdf: path.join(out, 'brief-2024.pdf'), html: path.join(out, 'brief-2024.html'), pages: 1, footnotes: 3 },
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.durationMs).toBeGreaterThan(0);
    const pdf = await readPdf(path.join(out, 'brief-2024.pdf'));
    expect(pdf.pages[0]!.text).toContain('Betreft Gewijzigd onderwerp');
  });

  it('check validates without a browser', async () => {
    const c = capture();
    const previous = process.env.VOORTGANGSBRIEF_BROWSER;
    process.env.VOORTGANGSBRIEF_BROWSER = '/nonexistent/chrome';
    try {
      expect(await main(['check', path.join(FIXTURES, 'minimal')], c.io)).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.VOORTGANGSBRIEF_BROWSER;
      else process.env.VOORTGANGSBRIEF_BROWSER = previous;
    }
    expect(c.err.join('\n')).toMatch(/no errors/);
  });

  it('prints usage for help and the version for --version', async () => {
    const c = capture();
    expect(await main(['help'], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/^Usage: voortgangsbrief/);
    const v = capture();
    expect(await main(['--version'], v.io)).toBe(0);
    expect(v.out[0]).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the installed command', () => {
  it('renders the bundled example with no arguments, run in the repository root', () => {
    const out = tempDir('vb-npx-');
    const run = spawnSync('node', [path.join(REPO_ROOT, 'bin/voortgangsbrief.js'), 'build', '--out', out], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    });
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.status).toBe(0);
    expect(existsSync(path.join(out, 'brief.pdf'))).toBe(true);
    expect(readFileSync(path.join(out, 'brief.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(path.join(out, 'brief.html'))).toBe(true);
    expect(existsSync(path.join(out, 'assets/page-runner.js'))).toBe(true);
  });
});

describe('a cold build, in order', () => {
  // The order of the stages the CLI reports with VOORTGANGSBRIEF_PROFILE (src/profile-stages.ts),
  // not their times: the check's job goes to the worker bin/ started before the CLI was
  // loaded, before Chromium is started; Chromium is killed once the PDF is out of it, and
  // nothing of it is left (issue 16, docs/decisions.md).
  it('checks in the worker bin/ started, with its code cache, then starts Chromium, and kills it after the print', () => {
    const out = tempDir('vb-order-');
    const run = spawnSync('node', [path.join(REPO_ROOT, 'bin/voortgangsbrief.js'), 'build', path.join(FIXTURES, 'minimal'), '--out', out, '--quiet'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, VOORTGANGSBRIEF_PROFILE: '1', VOORTGANGSBRIEF_CACHE: 'off' },
    });
    expect(run.status).toBe(0);
    // Each stage's start and end in one clock, the process's; compared, never measured.
    const stages = new Map([...run.stderr.matchAll(/^profile: (\S+) (\d+) (\d+)$/gm)].map((m) => [m[1]!, { start: Number(m[2]), end: Number(m[3]) }]));
    expect([...stages.keys()]).toContain('check.early-worker');
    expect([...stages.keys()]).not.toContain('check.new-worker');
    // The check's code came from the V8 code cache made when the tool was built
    // (src/code-cache/train-check-worker.ts), not compiled again.
    expect([...stages.keys()].filter((k) => k.startsWith('check.code-cache.'))).toEqual(['check.code-cache.accepted']);
    const at = (stage: string) => stages.get(stage) ?? { start: NaN, end: NaN };
    expect(at('launch').start).toBeGreaterThanOrEqual(at('check.early-worker').start);
    // The kill begins when the PDF has come out of Chromium, before it is finished.
    expect(at('close').start).toBeGreaterThanOrEqual(at('pdf').end);
    expect(at('close').start).toBeLessThanOrEqual(at('finish').start);
    expect(existsSync(path.join(out, 'brief.pdf'))).toBe(true);
  });
});
