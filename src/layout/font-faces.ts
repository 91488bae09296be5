import path from 'node:path';
import type { AssetMap } from '../model/asset-map.js';
import { builtinFonts, fallbackFaces, inRanges, packageDir, type FontFile } from './builtin-fonts.js';
import { cssString, cssUrl } from './css-escape.js';
import { fontCoverage } from './font-coverage.js';

export { FALLBACK_FAMILIES } from './builtin-fonts.js';

export interface FontSetup {
  family: string;
  css: string;
  /** Whether any of the letter's fonts, fallbacks included, has a glyph; undefined when a font file cannot be read. */
  covers: ((code: number) => boolean) | undefined;
}

/**
 * Fonts come from files the project controls, never from the machine, so that every
 * machine renders and embeds the same glyphs. The default is Fira Sans from npm, the
 * community fallback for the Rijkshuisstijl; a project may name its own files.
 */
export function fontFaces(
  projectFonts: { familie: string; bestanden: Record<string, string> } | undefined,
  assets: AssetMap,
): FontSetup {
  if (!projectFonts) {
    const fonts = builtinFonts();
    return { family: 'Fira Sans', css: fonts.faces.map((f) => fileFace(f, assets)).join('\n'), covers: inRanges(fonts.coverage) };
  }
  const own = projectFontFaces(projectFonts, assets);
  const covered = own.coverage ? new Set(own.coverage) : undefined;
  const blocks = [own.css, ...fallbackFaces(covered).map((f) => fileFace(f, assets))];
  return {
    family: own.family,
    css: blocks.join('\n'),
    covers: covered ? (code) => covered.has(code) : undefined,
  };
}

interface OwnFaces {
  family: string;
  css: string;
  coverage: Set<number> | undefined;
}

function fileFace(f: FontFile, assets: AssetMap): string {
  const url = assets.add(path.join(packageDir(f.pkg), f.file), `fonts/${path.basename(f.file)}`);
  return face(f.family, url, f.weight, f.style, f.range);
}

function addAll(into: Set<number>, from: ReadonlySet<number> | undefined): void {
  for (const c of from ?? []) into.add(c);
}

const FACES: Record<string, [string, string]> = {
  normaal: ['400', 'normal'],
  vet: ['700', 'normal'],
  cursief: ['400', 'italic'],
  vetcursief: ['700', 'italic'],
};

function projectFontFaces(fonts: { familie: string; bestanden: Record<string, string> }, assets: AssetMap): OwnFaces {
  let coverage: Set<number> | undefined = new Set<number>();
  const blocks = Object.entries(fonts.bestanden).map(([kind, file]) => {
    const [weight, style] = FACES[kind] ?? ['400', 'normal'];
    const has = fontCoverage(file);
    if (!has) coverage = undefined;
    else if (coverage) addAll(coverage, has);
    return face(fonts.familie, assets.add(file, `fonts/${path.basename(file)}`), weight, style);
  });
  return { family: fonts.familie, css: blocks.join('\n'), coverage };
}

function face(family: string, url: string, weight: string, style: string, range?: string): string {
  const format = url.endsWith('.woff2') ? 'woff2' : url.endsWith('.woff') ? 'woff' : url.endsWith('.otf') ? 'opentype' : 'truetype';
  // The family and the file name are the author's: both are CSS strings, escaped.
  const unicodeRange = range && /^[\sU+0-9A-Fa-f?,-]+$/.test(range) ? ` unicode-range: ${range};` : '';
  return `@font-face { font-family: ${cssString(family)}; font-style: ${style}; font-weight: ${weight}; font-display: block; src: ${cssUrl(url)} format('${format}');${unicodeRange} }`;
}
