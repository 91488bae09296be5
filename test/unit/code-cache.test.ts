import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCommonJs } from '../../src/code-cache/run-common-js.js';
import { writeAtomic } from '../../src/output/write-atomic.js';

// A bundle with enough code that V8's cache of it is more than a header, which
// requires a built-in and knows its own file name, as the check's bundle does.
const SOURCE = `
const path = require('node:path');
function words(n) { const out = []; for (let i = 0; i < n; i++) out.push('woord' + i); return out; }
function count(text) { return text.split(/\\s+/).filter(Boolean).length; }
module.exports = { name: path.basename(__filename), folder: path.basename(__dirname), total: count(words(50).join(' ')) };
`;

let dir: string;
let bundle: string;
let cache: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vb-code-cache-'));
  bundle = path.join(dir, 'bundle.cjs');
  cache = path.join(dir, 'bundle.v8cache');
  writeFileSync(bundle, SOURCE);
});

function trained(): void {
  writeAtomic(cache, runCommonJs(bundle, cache).createCachedData());
}

describe('a CommonJS bundle run with V8 code cache', () => {
  it('runs as Node would run it, with require, __filename and __dirname', () => {
    const run = runCommonJs(bundle, cache);
    expect(run.cache).toBe('none');
    expect(run.exports).toEqual({ name: 'bundle.cjs', folder: path.basename(dir), total: 50 });
  });

  it('takes a cache made by an earlier run, and gives the same result', () => {
    trained();
    const run = runCommonJs(bundle, cache);
    expect(run.cache).toBe('accepted');
    expect(run.exports).toEqual({ name: 'bundle.cjs', folder: path.basename(dir), total: 50 });
  });

  it('refuses a cache of another bundle and compiles the bundle afresh', () => {
    trained();
    writeFileSync(bundle, SOURCE.replace('words(50)', 'words(40)'));
    const run = runCommonJs(bundle, cache);
    expect(run.cache).toBe('rejected');
    expect((run.exports as { total: number }).total).toBe(40);
  });

  it('refuses a damaged cache and still runs', () => {
    trained();
    const bytes = readFileSync(cache);
    writeFileSync(cache, Buffer.concat([bytes.subarray(0, 16), Buffer.alloc(bytes.length - 16, 0x5a)]));
    const run = runCommonJs(bundle, cache);
    expect(run.cache).toBe('rejected');
    expect((run.exports as { total: number }).total).toBe(50);
  });
});
