import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RenderError } from '../../src/diagnostics/diagnostic.js';
import { writeAtomic } from '../../src/output/write-atomic.js';
import { BROWSER_ENV, findBrowser } from '../../src/pdf/find-browser.js';
import { tempDir } from '../helpers/build-fixture.js';

describe('writeAtomic', () => {
  it('replaces a file and leaves no temporary files behind', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sub', 'brief.pdf');
    writeAtomic(file, 'oud');
    writeAtomic(file, 'nieuw');
    expect(readFileSync(file, 'utf8')).toBe('nieuw');
    expect(readdirSync(path.dirname(file))).toEqual(['brief.pdf']);
  });

  it('keeps the old file when writing fails', () => {
    const dir = tempDir();
    const file = path.join(dir, 'brief.pdf');
    writeFileSync(file, 'oud');
    // A directory where the temporary file's folder should be makes the write fail.
    expect(() => writeAtomic(path.join(file, 'kind.pdf'), 'x')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('oud');
  });
});

describe('findBrowser', () => {
  const saved = { env: process.env[BROWSER_ENV], pup: process.env.PUPPETEER_EXECUTABLE_PATH, xdg: process.env.XDG_CONFIG_HOME };
  afterEach(() => {
    for (const [k, v] of [[BROWSER_ENV, saved.env], ['PUPPETEER_EXECUTABLE_PATH', saved.pup], ['XDG_CONFIG_HOME', saved.xdg]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('prefers the flag, then the environment, then the user-level config outside the project', () => {
    delete process.env.PUPPETEER_EXECUTABLE_PATH;
    const xdg = tempDir('vb-xdg-');
    mkdirSync(path.join(xdg, 'voortgangsbrief'));
    writeFileSync(path.join(xdg, 'voortgangsbrief/config.yaml'), 'browser: /bin/cat\n');
    process.env.XDG_CONFIG_HOME = xdg;
    process.env[BROWSER_ENV] = '/bin/sh';
    expect(findBrowser('/bin/ls')).toBe('/bin/ls');
    expect(findBrowser()).toBe('/bin/sh');
    delete process.env[BROWSER_ENV];
    expect(findBrowser()).toBe('/bin/cat');
    // Without any setting, the usual install locations.
    process.env.XDG_CONFIG_HOME = tempDir('vb-xdg-empty-');
    expect(findBrowser()).not.toBe('/bin/cat');
  });

  it('names the user-level config file when its browser is missing or not a path', () => {
    delete process.env.PUPPETEER_EXECUTABLE_PATH;
    delete process.env[BROWSER_ENV];
    const xdg = tempDir('vb-xdg-');
    mkdirSync(path.join(xdg, 'voortgangsbrief'));
    const file = path.join(xdg, 'voortgangsbrief/config.yaml');
    process.env.XDG_CONFIG_HOME = xdg;
    writeFileSync(file, 'browser: /nonexistent/chrome\n');
    expect(() => findBrowser()).toThrow(new RegExp(`/nonexistent/chrome.*${file}`));
    writeFileSync(file, 'browser: ./chromium\n');
    expect(() => findBrowser()).toThrow(/must be an absolute path/);
    writeFileSync(file, 'browser: [\n');
    expect(() => findBrowser()).toThrow(RenderError);
  });

  it('explains in one paragraph how to get a browser when the configured one is missing', () => {
    process.env[BROWSER_ENV] = '/nonexistent/chrome';
    try {
      findBrowser();
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(RenderError);
      expect((err as Error).message).toMatch(/\/nonexistent\/chrome/);
      expect((err as Error).message).not.toContain('\n');
    }
  });
});
