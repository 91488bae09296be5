import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeAtomic } from '../output/write-atomic.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { fontCoverage } from './font-coverage.js';

const require = createRequire(import.meta.url);

const FIRA = '@fontsource/fira-sans';
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

/** One @font-face: a file of a font package, and the characters it is loaded for. */
export interface FontFile {
  family: string;
  pkg: string;
  /** The file, relative to the package's folder. */
  file: string;
  weight: string;
  style: string;
  range: string | undefined;
}

/** The built-in fonts: Fira Sans and the fallbacks after it. */
export interface BuiltinFonts {
  /** The version of each font package this was read from; after an update they are read again. */
  versions: Record<string, string>;
  faces: FontFile[];
  /** Every character the faces have a glyph for, as sorted [first, last] ranges. */
  coverage: [number, number][];
}

/**
 * Written by scripts/bundle.mjs: reading the faces' coverage from some twenty font files
 * (each a Set of thousands of characters, and the fallbacks' ranges from their
 * differences) took 15–20 ms of every check, for the same answer every time.
 */
export const BUILTIN_FONTS_FILE = path.join(PACKAGE_ROOT, 'dist', 'builtin-fonts.json');

const packageDirs = new Map<string, string>();

/**
 * The folder of an installed font package. Where the tool's own node_modules has it (a
 * checkout, an unhoisted install) that is where node would find it first; a resolve
 * costs a millisecond or more on a cold start, for each package.
 */
export function packageDir(pkg: string): string {
  let dir = packageDirs.get(pkg);
  if (!dir) {
    const own = path.join(PACKAGE_ROOT, 'node_modules', pkg);
    // A real path, as a resolve gives it (a linked node_modules, pnpm's links).
    dir = existsSync(path.join(own, 'package.json')) ? realpathSync.native(own) : path.dirname(require.resolve(`${pkg}/package.json`));
    packageDirs.set(pkg, dir);
  }
  return dir;
}

function installedVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const pkg of [FIRA, ...FALLBACKS.map((f) => f.pkg)]) {
    versions[pkg] = String((JSON.parse(readFileSync(path.join(packageDir(pkg), 'package.json'), 'utf8')) as { version?: unknown }).version);
  }
  return versions;
}

let loaded: BuiltinFonts | undefined;

/** The built-in fonts: as the build wrote them when that was for the installed packages, else read from the fonts. */
export function builtinFonts(file = BUILTIN_FONTS_FILE): BuiltinFonts {
  if (loaded && file === BUILTIN_FONTS_FILE) return loaded;
  const versions = installedVersions();
  const stored = readStored(file);
  const fonts = stored && sameVersions(stored.versions, versions) ? stored : readBuiltinFonts(versions);
  if (file === BUILTIN_FONTS_FILE) loaded = fonts;
  return fonts;
}

function readStored(file: string): BuiltinFonts | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuiltinFonts>;
    return value && typeof value.versions === 'object' && Array.isArray(value.faces) && Array.isArray(value.coverage) ? (value as BuiltinFonts) : undefined;
  } catch {
    // Not built yet (the TypeScript sources in tests), or damaged: read from the fonts.
    return undefined;
  }
}

function sameVersions(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((k) => a[k] === b[k]);
}

/**
 * Writes the built-in fonts as read from the installed packages: when the tool is built,
 * and again where it is installed, whose font packages may be other versions.
 */
export function writeBuiltinFonts(file = BUILTIN_FONTS_FILE): void {
  writeAtomic(file, `${JSON.stringify(readBuiltinFonts())}\n`);
}

/** The built-in fonts, read from the font packages themselves. */
export function readBuiltinFonts(versions = installedVersions()): BuiltinFonts {
  const faces: FontFile[] = [];
  const covered = new Set<number>();
  const fira = packageDir(FIRA);
  for (const name of FONTSOURCE_FILES) {
    const css = readFileSync(path.join(fira, name), 'utf8');
    for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const woff2 = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      if (!woff2 || !SUBSETS.test(woff2)) continue;
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      const weight = /font-weight:\s*(\d+)/.exec(block)?.[1] ?? '400';
      const style = /font-style:\s*(\w+)/.exec(block)?.[1] ?? 'normal';
      faces.push({ family: 'Fira Sans', pkg: FIRA, file: `files/${woff2}`, weight, style, range });
      for (const c of fontCoverage(path.join(fira, 'files', woff2.replace(/\.woff2$/, '.woff'))) ?? []) covered.add(c);
    }
  }
  faces.push(...fallbackFaces(covered));
  return { versions, faces, coverage: rangesOf(covered) };
}

/**
 * The fallback faces for what `covered` lacks; adds what they have to it. Without it (the
 * letter's own coverage is unknown), each fallback package is taken whole.
 */
export function fallbackFaces(known: Set<number> | undefined): FontFile[] {
  const faces: FontFile[] = [];
  for (const fallback of FALLBACKS) {
    const covered = known ?? new Set<number>();
    const dir = path.join(packageDir(fallback.pkg), 'files');
    for (const woff2 of readdirSync(dir).filter((f) => fallback.files.test(f)).sort()) {
      const has = fontCoverage(path.join(dir, woff2.replace(/\.woff2$/, '.woff')));
      const fresh = [...(has ?? [])].filter((c) => !covered.has(c) && c > 0x20);
      if (!fresh.length) continue;
      for (const c of fresh) covered.add(c);
      faces.push({ family: fallback.family, pkg: fallback.pkg, file: `files/${woff2}`, weight: '400', style: 'normal', range: unicodeRange(fresh) });
    }
  }
  return faces;
}

function rangesOf(codes: Iterable<number>): [number, number][] {
  const sorted = [...codes].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const c of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else ranges.push([c, c]);
  }
  return ranges;
}

/** Whether a code point lies in one of the sorted ranges. */
export function inRanges(ranges: readonly [number, number][]): (code: number) => boolean {
  return (code) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [first, last] = ranges[mid]!;
      if (code < first) hi = mid - 1;
      else if (code > last) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** Code points as a CSS unicode-range: "U+2190-2193, U+2713". */
function unicodeRange(codes: number[]): string {
  const hex = (n: number) => n.toString(16).toUpperCase();
  return rangesOf(codes)
    .map(([first, last]) => (first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`))
    .join(', ');
}
