import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AssetMap } from '../model/asset-map.js';
import { cssString, cssUrl } from './css-escape.js';
import { fontCoverage } from './font-coverage.js';

const require = createRequire(import.meta.url);

/** The faces a letter uses: regular, bold, italic and bold italic. */
const FONTSOURCE_FILES = ['400.css', '400-italic.css', '700.css', '700-italic.css'];
/** Dutch text needs Latin and Latin Extended, and Greek letters occur; other scripts are not shipped. */
const SUBSETS = /fira-sans-(latin|latin-ext|greek)-\d+-(normal|italic)\.woff2/;

/**
 * Faces after the letter's own for the characters it lacks (≥, →, ✓, ∑ …), from npm, in
 * this order. Each face's unicode-range is what its file really has (read from the font,
 * not from the package's CSS, which under-declares Noto Sans Math) less what the fonts
 * before it have, so that the page runner loads it only for a letter that needs it.
 */
const FALLBACKS: { family: string; pkg: string; files: RegExp }[] = [
  { family: 'Noto Sans Symbols 2', pkg: '@fontsource/noto-sans-symbols-2', files: /-(symbols|math)-400-normal\.woff2$/ },
  { family: 'Noto Sans Math', pkg: '@fontsource/noto-sans-math', files: /-400-normal\.woff2$/ },
];

export const FALLBACK_FAMILIES = FALLBACKS.map((f) => f.family);

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
  const own = projectFonts ? projectFontFaces(projectFonts, assets) : firaFaces(assets);
  const covered = own.coverage ? new Set(own.coverage) : undefined;
  const blocks = [own.css];
  for (const fallback of FALLBACKS) blocks.push(...fallbackFaces(fallback, assets, covered ?? new Set()));
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

function firaFaces(assets: AssetMap): OwnFaces {
  const blocks: string[] = [];
  const coverage = new Set<number>();
  // One lookup of the package (each resolve costs a millisecond or more on a cold start); the CSS files sit at its root.
  const pkg = path.dirname(require.resolve('@fontsource/fira-sans/package.json'));
  for (const name of FONTSOURCE_FILES) {
    const cssFile = path.join(pkg, name);
    const css = readFileSync(cssFile, 'utf8');
    for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const woff2 = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      if (!woff2 || !SUBSETS.test(woff2)) continue;
      const url = assets.add(path.join(path.dirname(cssFile), 'files', woff2), `fonts/${woff2}`);
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      const weight = /font-weight:\s*(\d+)/.exec(block)?.[1] ?? '400';
      const style = /font-style:\s*(\w+)/.exec(block)?.[1] ?? 'normal';
      blocks.push(face('Fira Sans', url, weight, style, range));
      addAll(coverage, fontCoverage(path.join(path.dirname(cssFile), 'files', woff2.replace(/\.woff2$/, '.woff'))));
    }
  }
  return { family: 'Fira Sans', css: blocks.join('\n'), coverage };
}

function fallbackFaces(fallback: (typeof FALLBACKS)[number], assets: AssetMap, covered: Set<number>): string[] {
  const dir = path.join(path.dirname(require.resolve(`${fallback.pkg}/package.json`)), 'files');
  const blocks: string[] = [];
  for (const woff2 of readdirSync(dir).filter((f) => fallback.files.test(f)).sort()) {
    const has = fontCoverage(path.join(dir, woff2.replace(/\.woff2$/, '.woff')));
    const fresh = [...(has ?? [])].filter((c) => !covered.has(c) && c > 0x20);
    if (!fresh.length) continue;
    for (const c of fresh) covered.add(c);
    const url = assets.add(path.join(dir, woff2), `fonts/${woff2}`);
    blocks.push(face(fallback.family, url, '400', 'normal', unicodeRange(fresh)));
  }
  return blocks;
}

function addAll(into: Set<number>, from: ReadonlySet<number> | undefined): void {
  for (const c of from ?? []) into.add(c);
}

/** Code points as a CSS unicode-range: "U+2190-2193, U+2713". */
function unicodeRange(codes: number[]): string {
  const sorted = [...codes].sort((a, b) => a - b);
  const parts: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase();
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `U+${hex(sorted[i]!)}` : `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}`);
    i = j + 1;
  }
  return parts.join(', ');
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
