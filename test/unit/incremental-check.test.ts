import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBuildCache, type BuildCache } from '../../src/build-cache.js';
import { check } from '../../src/check.js';

const REPO = path.resolve(import.meta.dirname, '../..');
let dir: string;
let cache: BuildCache;

/** The example letter: five sections, two bijlagen, six data files. */
function copyExample(): string {
  const target = mkdtempSync(path.join(os.tmpdir(), 'vb-incremental-'));
  for (const entry of ['brief.md', 'secties', 'bijlagen', 'data']) {
    cpSync(path.join(REPO, entry), path.join(target, entry), { recursive: true });
  }
  return target;
}

function counts(c: BuildCache) {
  return { sections: c.sections.misses, data: c.data.misses, markdown: c.markdown.misses };
}

function edit(file: string, change: (text: string) => string): void {
  const full = path.join(dir, file);
  writeFileSync(full, change(readFileSync(full, 'utf8')));
}

/** What a cached check must equal: a check from scratch of the same files. */
function fresh(): string {
  return check({ dir }).documents[0]!.html;
}

describe('check with a build cache (watch mode)', () => {
  beforeEach(() => {
    dir = copyExample();
    cache = createBuildCache();
    check({ dir, cache });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('parses and renders nothing again when nothing changed', () => {
    const before = counts(cache);
    const again = check({ dir, cache });
    expect(counts(cache)).toEqual(before);
    expect(again.documents[0]!.html).toBe(fresh());
  });

  it('re-parses and re-renders only the edited section when its footnotes stay the same', () => {
    const before = counts(cache);
    edit('secties/05-tot-slot.md', (t) => t.replace(/\n\n/, '\n\nEen zin die er bij het herlezen bij kwam.\n\n'));
    const html = check({ dir, cache }).documents[0]!.html;
    expect(counts(cache)).toEqual({ ...before, sections: before.sections + 1, markdown: before.markdown + 1 });
    expect(html).toContain('Een zin die er bij het herlezen bij kwam.');
    expect(html).toBe(fresh());
  });

  it('renders the following parts again when an edit renumbers their footnotes', () => {
    const before = counts(cache);
    edit('secties/01-kennis-over-aard-en-omvang.md', (t) => t.replace(/\n\n/, '\n\nEen extra bewering.[^nieuw]\n\n[^nieuw]: Kamerstukken II, 2024-2025, 28345, nr. 290.\n\n'));
    const html = check({ dir, cache }).documents[0]!.html;
    // The edited section, the four after it and both bijlagen: every number moved by one.
    expect(counts(cache).markdown - before.markdown).toBe(7);
    expect(counts(cache).sections - before.sections).toBe(1);
    expect(html).toBe(fresh());
  });

  it('re-parses only the edited data file, and the output follows the new value', () => {
    const before = counts(cache);
    edit('data/cijfers.yaml', (t) => t.replace(/^(\s*kinderen_slachtoffer_min:\s*)\d+/m, '$1123456'));
    const html = check({ dir, cache }).documents[0]!.html;
    expect(counts(cache).data - before.data).toBe(1);
    expect(counts(cache).sections).toBe(before.sections);
    expect(html).toContain('123.456');
    expect(html).toBe(fresh());
  });

  it('parses a file again after a mistake in it is fixed, and reports the mistake meanwhile', () => {
    const file = 'secties/02-eerder-en-beter-in-beeld.md';
    const original = readFileSync(path.join(dir, file), 'utf8');
    edit(file, (t) => t.replace('---\n', '---\ntitel: [niet gesloten\n'));
    expect(() => check({ dir, cache })).toThrow(/02-eerder-en-beter-in-beeld\.md/);
    writeFileSync(path.join(dir, file), original);
    expect(check({ dir, cache }).documents[0]!.html).toBe(fresh());
  });
});
