import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAllOutputs } from '../../src/output/write-outputs.js';
import { FS_OPS } from '../../src/output/write-staged.js';
import { AssetMap } from '../../src/model/asset-map.js';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';
import { processesMentioning, snapshot, startCli } from '../hostile/cli-process.js';

/**
 * Issue 12, item 7: the machine fails, not the letter. Each failure is one line that
 * names the path or value and says what to do, with its exit code (4 for the machine,
 * 3 for the browser and its settings, 2 for the command line); no stack trace, and
 * nothing half-written.
 */
const BIN = path.join(REPO_ROOT, 'bin/voortgangsbrief.js');
const MINIMAL = path.relative(REPO_ROOT, path.join(FIXTURES, 'minimal'));

function cli(args: string[], env: Record<string, string> = {}) {
  const tmp = env.TMPDIR ?? tempDir('vb-env-tmp-');
  const run = spawnSync('node', [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1', TMPDIR: tmp, ...env }, timeout: 90_000 });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout, tmp };
}

function expectOneLine(stderr: string, ...contains: string[]): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  for (const c of contains) expect(lines[0]).toContain(c);
  expect(stderr).not.toMatch(/^\s+at |internal error/m);
}

describe('environment failures', () => {
  it.each([
    ['--out is a file', () => { const f = path.join(tempDir('vb-env-'), 'bestand'); writeFileSync(f, 'x'); return f; }, 'a file is in the way'],
    ['--out is /dev/null', () => '/dev/null', '/dev/null'],
    ['--out is in /proc', () => '/proc/self/voortgangsbrief', '/proc/self/voortgangsbrief'],
    ['--out has a name too long for the file system', () => path.join(tempDir('vb-env-'), 'x'.repeat(300)), 'too long'],
  ])('%s: exit 4, one line, nothing written', (_, out, message) => {
    const target = out();
    const before = existsSync(target) ? readFileSync(target).length : -1;
    const run = cli(['build', MINIMAL, '--out', target]);
    expect(run.status, run.stderr).toBe(4);
    expectOneLine(run.stderr, message);
    if (before >= 0 && target !== '/dev/null') expect(readFileSync(target).length).toBe(before);
    expect(processesMentioning(run.tmp)).toEqual([]);
  });

  it('a read-only output folder: exit 4, one line, nothing half-written', () => {
    const parent = tempDir('vb-env-ro-');
    const out = path.join(parent, 'output');
    mkdirSync(out);
    chmodSync(out, 0o555);
    // root may write anyway; then a file in place of output/assets makes the same point.
    const root = process.getuid?.() === 0;
    if (root) writeFileSync(path.join(out, 'assets'), 'in de weg');
    const run = cli(['build', MINIMAL, '--out', out]);
    chmodSync(out, 0o755);
    expect(run.status, run.stderr).toBe(4);
    expectOneLine(run.stderr, out);
    expect(readdirSync(out).sort()).toEqual(root ? ['assets'] : []);
  });

  it('TMPDIR that does not exist: exit 4, one line naming it', () => {
    const tmp = path.join(os.tmpdir(), 'vb-bestaat-niet', 'tmp');
    const run = cli(['build', MINIMAL, '--out', path.join(tempDir('vb-env-'), 'output')], { TMPDIR: tmp });
    expect(run.status, run.stderr).toBe(4);
    expectOneLine(run.stderr, `TMPDIR=${tmp}`);
  });

  it.each([['99999999999999'], ['-5'], ['gisteren']])('SOURCE_DATE_EPOCH=%s: exit 3, one line, nothing written', (epoch) => {
    const out = path.join(tempDir('vb-env-'), 'output');
    const run = cli(['build', MINIMAL, '--out', out], { SOURCE_DATE_EPOCH: epoch });
    expect(run.status, run.stderr).toBe(3);
    expectOneLine(run.stderr, `SOURCE_DATE_EPOCH=${epoch}`);
    expect(existsSync(out)).toBe(false);
  });

  it.each([['1e300'], ['0'], ['-1'], ['lang']])('--timeout %s: exit 2 with the range', (value) => {
    const run = cli(['build', MINIMAL, `--timeout=${value}`]);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toContain(`--timeout takes a number of seconds between 0 and 86400 (got "${value}")`);
  });

  it('the preview port is taken: exit 4, one line naming the port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const run = startCli(['watch', MINIMAL, '--port', String(port), '--no-pdf']);
      const result = await run.done;
      expect(result.code, run.stderr()).toBe(4);
      expectOneLine(run.stderr(), `port ${port}`, '--port');
    } finally {
      blocker.close();
    }
  });

});

describe('the staged write of a build', () => {
  const doc = (name: string) => {
    const assets = new AssetMap();
    assets.addContent('logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    return { name, title: 't', author: 'a', datum: '2024-01-01', html: `<p>${name}</p>`, assets, footnotes: 0, warnings: [] };
  };
  const printed = { pdf: new Uint8Array([37, 80, 68, 70]), pages: 1, footnotes: 0, warnings: [] };

  it('a failure between the temporary files and the rename leaves the previous output byte for byte, and no temporary file', () => {
    const out = tempDir('vb-staged-');
    writeFileSync(path.join(out, 'brief.pdf'), 'vorige');
    writeFileSync(path.join(out, 'brief.html'), '<p>vorige</p>');
    let temps = 0;
    const failing = {
      ...FS_OPS,
      write: (file: string, data: string | Uint8Array) => {
        temps++;
        FS_OPS.write(file, data);
      },
      rename: () => {
        throw Object.assign(new Error('injected between the temporary file and the rename'), { code: 'EIO' });
      },
    };
    expect(() => writeAllOutputs([{ out, doc: doc('brief'), printed }], failing)).toThrow('injected');
    expect(temps).toBe(3);
    expect(readFileSync(path.join(out, 'brief.pdf'), 'utf8')).toBe('vorige');
    expect(readFileSync(path.join(out, 'brief.html'), 'utf8')).toBe('<p>vorige</p>');
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(['brief.html', 'brief.pdf']);
  });

  it('a failure while writing the temporary files changes nothing at all, and removes the folders it made', () => {
    const out = path.join(tempDir('vb-staged-'), 'output');
    let writes = 0;
    const failing = { ...FS_OPS, write: (file: string, data: string | Uint8Array) => {
      if (++writes === 3) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      FS_OPS.write(file, data);
    } };
    expect(() => writeAllOutputs([{ out, doc: doc('brief'), printed }], failing)).toThrow('disk full');
    expect(existsSync(out)).toBe(false);
  });

  /**
   * The commit itself is all or nothing: a failure at any rename (here the 2nd, 3rd and
   * 6th of a two-document build over a previous one) puts every previous file back,
   * byte for byte, takes out what was renamed in, and leaves no temporary or backup file.
   */
  it.each([2, 3, 6])('a failure at rename %i of the commit leaves every previous file as it was', (failAt) => {
    const out = path.join(tempDir('vb-staged-'), 'output');
    writeAllOutputs([{ out, doc: doc('brief'), printed }, { out, doc: doc('brief-bijlage-1'), printed }]);
    // The previous build differs from the new one in every file it has.
    for (const f of ['brief.pdf', 'brief.html', 'brief-bijlage-1.pdf', 'brief-bijlage-1.html']) writeFileSync(path.join(out, f), `vorige ${f}`);
    const before = snapshot(out);
    let renames = 0;
    const failing = {
      ...FS_OPS,
      rename: (from: string, to: string) => {
        if (++renames === failAt) throw Object.assign(new Error(`injected at rename ${failAt}`), { code: 'EIO' });
        FS_OPS.rename(from, to);
      },
    };
    const next = { ...printed, pdf: new Uint8Array([37, 80, 68, 70, 45, 50]) };
    const bigger = (name: string) => ({ ...doc(name), html: `<p>nieuw ${name}</p>` });
    expect(() => writeAllOutputs([{ out, doc: bigger('brief'), printed: next }, { out, doc: bigger('brief-bijlage-1'), printed: next }], failing)).toThrow(`injected at rename ${failAt}`);
    expect(renames).toBeGreaterThanOrEqual(failAt);
    const after = snapshot(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, bytes] of before) expect(after.get(file)?.equals(bytes), `${file} is the previous one`).toBe(true);
  });

  it('a failure at the rename of a file that is new takes the new files out again', () => {
    const out = path.join(tempDir('vb-staged-'), 'output');
    mkdirSync(out);
    writeFileSync(path.join(out, 'brief.pdf'), 'vorige');
    let renames = 0;
    const failing = { ...FS_OPS, rename: (from: string, to: string) => {
      if (++renames === 4) throw Object.assign(new Error('injected'), { code: 'EIO' });
      FS_OPS.rename(from, to);
    } };
    expect(() => writeAllOutputs([{ out, doc: doc('brief'), printed }], failing)).toThrow('injected');
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(['brief.pdf']);
    expect(readFileSync(path.join(out, 'brief.pdf'), 'utf8')).toBe('vorige');
  });

  it('writes everything when nothing fails', () => {
    const out = path.join(tempDir('vb-staged-'), 'output');
    writeAllOutputs([{ out, doc: doc('brief'), printed }, { out, doc: doc('brief-bijlage-1'), printed }]);
    expect(readdirSync(out).sort()).toEqual(['assets', 'brief-bijlage-1.html', 'brief-bijlage-1.pdf', 'brief.html', 'brief.pdf']);
  });
});
