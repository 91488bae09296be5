import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AssetMap } from '../model/asset-map.js';
import { cssString, cssUrl } from './css-escape.js';

const require = createRequire(import.meta.url);

/** The faces a letter uses: regular, bold, italic and bold italic. */
const FONTSOURCE_FILES = ['400.css', '400-italic.css', '700.css', '700-italic.css'];
/** Dutch text needs Latin and Latin Extended; other scripts are not shipped with the output. */
const SUBSETS = /fira-sans-(latin|latin-ext)-\d+-(normal|italic)\.woff2/;

export interface FontSetup {
  family: string;
  css: string;
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
  if (projectFonts) return projectFontFaces(projectFonts, assets);
  const blocks: string[] = [];
  for (const name of FONTSOURCE_FILES) {
    const cssFile = require.resolve(`@fontsource/fira-sans/${name}`);
    const css = readFileSync(cssFile, 'utf8');
    for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const woff2 = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      if (!woff2 || !SUBSETS.test(woff2)) continue;
      const url = assets.add(path.join(path.dirname(cssFile), 'files', woff2), `fonts/${woff2}`);
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      const weight = /font-weight:\s*(\d+)/.exec(block)?.[1] ?? '400';
      const style = /font-style:\s*(\w+)/.exec(block)?.[1] ?? 'normal';
      blocks.push(face('Fira Sans', url, weight, style, range));
    }
  }
  return { family: 'Fira Sans', css: blocks.join('\n') };
}

const FACES: Record<string, [string, string]> = {
  normaal: ['400', 'normal'],
  vet: ['700', 'normal'],
  cursief: ['400', 'italic'],
  vetcursief: ['700', 'italic'],
};

function projectFontFaces(fonts: { familie: string; bestanden: Record<string, string> }, assets: AssetMap): FontSetup {
  const blocks = Object.entries(fonts.bestanden).map(([kind, file]) => {
    const [weight, style] = FACES[kind] ?? ['400', 'normal'];
    return face(fonts.familie, assets.add(file, `fonts/${path.basename(file)}`), weight, style);
  });
  return { family: fonts.familie, css: blocks.join('\n') };
}

function face(family: string, url: string, weight: string, style: string, range?: string): string {
  const format = url.endsWith('.woff2') ? 'woff2' : url.endsWith('.woff') ? 'woff' : url.endsWith('.otf') ? 'opentype' : 'truetype';
  // The family and the file name are the author's: both are CSS strings, escaped.
  const unicodeRange = range && /^[\sU+0-9A-Fa-f?,-]+$/.test(range) ? ` unicode-range: ${range};` : '';
  return `@font-face { font-family: ${cssString(family)}; font-style: ${style}; font-weight: ${weight}; font-display: block; src: ${cssUrl(url)} format('${format}');${unicodeRange} }`;
}
