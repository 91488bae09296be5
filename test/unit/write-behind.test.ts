import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiskStore } from '../../src/cache/disk-store.js';
import { WriteBehind } from '../../src/cache/write-behind.js';
import { tempDir } from '../helpers/build-fixture.js';

const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('section-')).sort();

describe('parse-cache writes held back until the result is handed over', () => {
  it('touches the disk only at the flush, and stores each value as it was when written', () => {
    const root = tempDir('vb-behind-');
    const behind = new WriteBehind();
    const store = new DiskStore(root, 'build', behind);
    const value = { html: '<p>eerst</p>' };
    store.write('section', 'a', value);
    store.write('section', 'b', { html: '<p>tweede</p>' });
    store.prune();
    // What the run does with the value afterwards is not what was cached.
    value.html = '<p>later gewijzigd</p>';
    expect(readdirSync(root)).toEqual([]);
    behind.flush();
    expect(files(root)).toEqual(['build/section-a', 'build/section-b']);
    expect(new DiskStore(root, 'build').read('section', 'a')).toEqual({ html: '<p>eerst</p>' });
    // A second flush has nothing left to write.
    behind.flush();
    expect(files(root)).toEqual(['build/section-a', 'build/section-b']);
  });

  it('writes at once without one', () => {
    const root = tempDir('vb-behind-');
    new DiskStore(root, 'build').write('section', 'a', { html: '' });
    expect(files(root)).toEqual(['build/section-a']);
  });
});
