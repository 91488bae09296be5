import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSetFlags } from '../../src/cli/parse-set.js';
import { mergeLayers } from '../../src/model/cascade.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { FIXTURES, REPO_ROOT } from '../helpers/build-fixture.js';
import { BIN } from './cli-process.js';

/** Issue 12, item 6 (the cases in data and front matter are in the bad-input corpus). */
describe('prototype keys on the command line', () => {
  it.each(['__proto__.x=1', 'constructor.prototype.x=1', 'afzender.__proto__.x=1', 'prototype=1'])('--set %s is refused and pollutes nothing', (pair) => {
    expect(() => parseSetFlags([pair])).toThrow(UsageError);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('the CLI says so in one line with exit 2, no internal error', () => {
    const run = spawnSync('node', [BIN, 'check', path.relative(REPO_ROOT, path.join(FIXTURES, 'minimal')), '--set', '__proto__.x=1'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toContain('--set cannot set "__proto__"');
    expect(run.stderr).not.toMatch(/internal error:|^\s+at \S+ \(/m);
  });

  it('--set browser=… is refused: the browser is never a field of the letter', () => {
    expect(() => parseSetFlags(['browser=/bin/sh'])).toThrow(/--browser/);
  });

  it('the merged cascade has no prototype: no key of the author reaches Object.prototype', () => {
    const merged = mergeLayers([{ name: 'a', value: { afzender: { organisatie: 'x' } }, locate: () => ({ file: 'a', line: 1, column: 1 }) }]);
    expect(Object.getPrototypeOf(merged.value)).toBeNull();
    // Nested mappings keep their own objects: no prototype key can be in them (refuse-keys.ts).
  });
});
