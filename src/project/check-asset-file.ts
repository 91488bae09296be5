import path from 'node:path';
import { inputError, type SourcePosition } from '../diagnostics/diagnostic.js';
import { formatSize } from './limits.js';
import { imageSize } from './image-size.js';
import { NotARegularFile, readRegularFile } from './read-regular-file.js';

/** The largest image and font files, and the largest picture, a letter may hold. */
export const ASSET_LIMITS = {
  image: 16 * 1024 * 1024,
  svg: 2 * 1024 * 1024,
  font: 8 * 1024 * 1024,
  /** Pixels per side, and in all: a 10,000 px square is a 1.2 m wide print at 200 dpi. */
  side: 10_000,
  pixels: 40_000_000,
} as const;

const IMAGE_TYPES = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg']);
const FONT_TYPES = new Set(['.woff2', '.woff', '.ttf', '.otf']);
/** Enough of a JPEG to pass its metadata segments and reach the frame header. */
const HEAD_BYTES = 256 * 1024;

/**
 * Checks an image or font file of the project before the browser sees it: a regular
 * file, not too large, and for an image a known format whose header gives a sane
 * size. Reading the header only means a sparse multi-gigabyte file costs nothing.
 */
export function checkAssetFile(file: string, kind: 'image' | 'font', where: SourcePosition, shown = path.basename(file)): void {
  const ext = path.extname(file).toLowerCase();
  if (kind === 'image' && !IMAGE_TYPES.has(ext)) {
    throw inputError(where, `image ${shown} is not a PNG, JPEG, GIF, WebP or SVG file`, 'save the image as PNG or SVG');
  }
  if (kind === 'font' && !FONT_TYPES.has(ext)) {
    throw inputError(where, `font ${shown} is not a WOFF2, WOFF, TTF or OTF file`, 'name a font file: fonts/letter-regular.woff2');
  }
  const limit = kind === 'font' ? ASSET_LIMITS.font : ext === '.svg' ? ASSET_LIMITS.svg : ASSET_LIMITS.image;
  let head: Buffer;
  try {
    head = readRegularFile(file, limit, kind === 'image' && ext !== '.svg' ? HEAD_BYTES : 0);
  } catch (err) {
    if (err instanceof NotARegularFile && err.reason === 'too-large') {
      throw inputError(where, `${kind} ${shown} is too large (${formatSize(err.size)}); at most ${formatSize(limit)}`, `make the ${kind} file smaller`);
    }
    if (err instanceof NotARegularFile) {
      throw inputError(where, `${kind} ${shown} is not a regular file (a folder, a named pipe, a device or a socket)`, 'put an ordinary file here; a build reads only regular files');
    }
    throw inputError(where, `${kind} ${shown} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, 'check that the file exists and is readable');
  }
  if (kind !== 'image' || ext === '.svg') return;
  const size = imageSize(head);
  if (!size) {
    throw inputError(where, `image ${shown} is not a readable ${ext.slice(1).toUpperCase()} file`, 'export the image again as PNG, JPEG or SVG');
  }
  if (size.width < 1 || size.height < 1 || size.width > ASSET_LIMITS.side || size.height > ASSET_LIMITS.side || size.width * size.height > ASSET_LIMITS.pixels) {
    throw inputError(
      where,
      `image ${shown} is ${size.width} × ${size.height} pixels; at most ${ASSET_LIMITS.side} pixels a side and ${ASSET_LIMITS.pixels / 1_000_000} megapixels`,
      'scale the image down: 2,000 pixels across is plenty for a page',
    );
  }
}
