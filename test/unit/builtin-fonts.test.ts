import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_FONTS_FILE, builtinFonts, inRanges, packageDir, readBuiltinFonts } from '../../src/layout/builtin-fonts.js';
import { fontCoverage } from '../../src/layout/font-coverage.js';
import { fontFaces } from '../../src/layout/font-faces.js';
import { AssetMap } from '../../src/model/asset-map.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vb-builtin-fonts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the built-in fonts written by the build', () => {
  it('are what the installed font packages say now', () => {
    // A build that forgot to write them again after a font update would show here.
    expect(existsSync(BUILTIN_FONTS_FILE)).toBe(true);
    expect(JSON.parse(readFileSync(BUILTIN_FONTS_FILE, 'utf8'))).toEqual(readBuiltinFonts());
  });

  it('cover exactly the characters the font files have', () => {
    const fonts = readBuiltinFonts();
    const covers = inRanges(fonts.coverage);
    const files = new Set<number>();
    for (const face of fonts.faces) {
      for (const c of fontCoverage(path.join(packageDir(face.pkg), face.file.replace(/\.woff2$/, '.woff'))) ?? []) files.add(c);
    }
    const wrong: number[] = [];
    for (let c = 0; c <= 0x1ffff; c++) {
      // The fallbacks are used for what Fira lacks beyond U+0020; below that Fira decides.
      const expected = files.has(c);
      if (covers(c) !== expected && !(c <= 0x20 && !covers(c))) wrong.push(c);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(covers(0x41)).toBe(true);
    expect(covers(0x2713)).toBe(true);
    expect(covers(0x4e00)).toBe(false);
  });

  it('give the letter the same faces, in the same order, as reading the fonts would', () => {
    const assets = new AssetMap();
    const setup = fontFaces(undefined, assets);
    const faces = readBuiltinFonts().faces;
    expect(setup.css.split('\n')).toHaveLength(faces.length);
    for (const [i, f] of faces.entries()) {
      expect(setup.css.split('\n')[i]).toContain(`src: url("assets/fonts/${path.basename(f.file)}")`);
      expect(assets.get(`assets/fonts/${path.basename(f.file)}`)).toBe(path.join(packageDir(f.pkg), f.file));
    }
  });

  it('are read from the fonts again when the stored ones are for other versions, or damaged', () => {
    const stale = path.join(dir, 'stale.json');
    const stored = readBuiltinFonts();
    writeFileSync(stale, JSON.stringify({ ...stored, versions: { ...stored.versions, '@fontsource/fira-sans': '0.0.1' }, faces: [] }));
    expect(builtinFonts(stale).faces).toEqual(stored.faces);
    const damaged = path.join(dir, 'damaged.json');
    writeFileSync(damaged, '{"versions": ');
    expect(builtinFonts(damaged)).toEqual(stored);
    const fresh = path.join(dir, 'fresh.json');
    writeFileSync(fresh, JSON.stringify({ ...stored, faces: stored.faces.slice(0, 1) }));
    // Same versions: the stored table is taken as it is.
    expect(builtinFonts(fresh).faces).toHaveLength(1);
  });
});

describe('inRanges', () => {
  it('finds a code point in sorted ranges, and nothing between them', () => {
    const covers = inRanges([
      [0x20, 0x7e],
      [0xa0, 0xa0],
      [0x2010, 0x2027],
    ]);
    expect([0x1f, 0x20, 0x7e, 0x7f, 0x9f, 0xa0, 0xa1, 0x200f, 0x2010, 0x2027, 0x2028].map(covers)).toEqual([
      false, true, true, false, false, true, false, false, true, true, false,
    ]);
    expect(inRanges([])(0x41)).toBe(false);
  });
});
