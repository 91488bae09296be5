import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/**
 * The characters a font file has glyphs for, read from its cmap table: so that a letter
 * can be told which of its characters no bundled font shows (Chromium would quietly take
 * them from a font of the machine). TrueType, OpenType and WOFF; a WOFF2 file (Brotli
 * with transformed tables) is not read, and gives undefined: coverage unknown.
 */
const cache = new Map<string, ReadonlySet<number> | undefined>();

export function fontCoverage(file: string): ReadonlySet<number> | undefined {
  if (!cache.has(file)) {
    let covered: Set<number> | undefined;
    try {
      const cmap = cmapTable(readFileSync(file));
      covered = cmap ? codePoints(cmap) : undefined;
    } catch {
      // A damaged font file: Chromium will say so when it loads it; here it covers nothing known.
      covered = undefined;
    }
    cache.set(file, covered);
  }
  return cache.get(file);
}

function cmapTable(font: Buffer): Buffer | undefined {
  const signature = font.toString('latin1', 0, 4);
  if (signature === 'wOFF') {
    const count = font.readUInt16BE(12);
    for (let i = 0; i < count; i++) {
      const at = 44 + i * 20;
      if (font.toString('latin1', at, at + 4) !== 'cmap') continue;
      const offset = font.readUInt32BE(at + 4);
      const compressed = font.readUInt32BE(at + 8);
      const length = font.readUInt32BE(at + 12);
      const data = font.subarray(offset, offset + compressed);
      return compressed < length ? inflateSync(data) : data;
    }
    return undefined;
  }
  if (signature === '\x00\x01\x00\x00' || signature === 'OTTO' || signature === 'true') {
    const count = font.readUInt16BE(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      if (font.toString('latin1', at, at + 4) !== 'cmap') continue;
      const offset = font.readUInt32BE(at + 8);
      return font.subarray(offset, offset + font.readUInt32BE(at + 12));
    }
  }
  return undefined;
}

/* The Unicode subtables (Windows full repertoire, Windows BMP, Unicode platform), format 12 or 4. */
function codePoints(cmap: Buffer): Set<number> {
  const covered = new Set<number>();
  const count = cmap.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const table = cmap.subarray(cmap.readUInt32BE(8 + i * 8));
    const format = table.readUInt16BE(0);
    if (format === 12) format12(table, covered);
    else if (format === 4) format4(table, covered);
  }
  return covered;
}

function format12(t: Buffer, covered: Set<number>): void {
  const groups = t.readUInt32BE(12);
  for (let g = 0; g < groups; g++) {
    const start = t.readUInt32BE(16 + g * 12);
    const end = t.readUInt32BE(20 + g * 12);
    const glyph = t.readUInt32BE(24 + g * 12);
    for (let c = start; c <= end && c <= 0x10ffff; c++) if (glyph + (c - start) !== 0) covered.add(c);
  }
}

function format4(t: Buffer, covered: Set<number>): void {
  const segments = t.readUInt16BE(6) / 2;
  const ends = 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = t.readUInt16BE(ends + s * 2);
    const start = t.readUInt16BE(starts + s * 2);
    const delta = t.readInt16BE(deltas + s * 2);
    const rangeOffset = t.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
        glyph = at + 1 < t.length ? t.readUInt16BE(at) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) covered.add(c);
    }
  }
}
