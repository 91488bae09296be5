import { createHash } from 'node:crypto';
import path from 'node:path';
import { ASSET_LIMITS } from '../project/check-asset-file.js';
import { readRegularFile } from '../project/read-regular-file.js';
import { sanitizeSvg } from './sanitize-svg.js';

export type Asset = { file: string } | { content: Buffer };

/** Where the charts that helpers generate are served; the Markdown stage inlines them. */
export const CHART_PREFIX = 'assets/grafieken/';

/**
 * The files a rendered page may load, by the relative URL the HTML uses: files of
 * the project and the package, or content generated during the build (charts). The
 * PDF stage serves exactly these and nothing else; the HTML writer copies them next
 * to the HTML file.
 */
export class AssetMap {
  private readonly byUrl = new Map<string, Asset>();

  /** Registers a file and returns its URL, `assets/<name>`; the same file gets the same URL. */
  add(file: string, name = path.basename(file)): string {
    // A file name is the author's: in the URL only characters that mean nothing in any
    // context (HTML attribute, CSS url(), path) are kept.
    const url = `assets/${safeName(name)}`;
    const existing = this.byUrl.get(url);
    if (existing !== undefined && !('file' in existing && existing.file === file)) {
      return this.add(file, `${path.parse(name).name}-${this.byUrl.size}${path.extname(name)}`);
    }
    this.byUrl.set(url, { file });
    return url;
  }

  /** Registers generated content under `assets/<name>`; a later call with the same name replaces it. */
  addContent(name: string, content: string | Buffer): string {
    const url = `assets/${name}`;
    this.byUrl.set(url, { content: Buffer.isBuffer(content) ? content : Buffer.from(content) });
    return url;
  }

  has(url: string): boolean {
    return this.byUrl.has(url);
  }

  /** The file behind a URL, for assets that are files. */
  get(url: string): string | undefined {
    const asset = this.byUrl.get(url);
    return asset && 'file' in asset ? asset.file : undefined;
  }

  /**
   * The bytes served for a URL. A file is read only if it is still a regular file of
   * a sane size (it was checked when it was named, but may have been swapped since),
   * and an SVG file of the project is served sanitised: it may carry script.
   */
  read(url: string): Buffer | undefined {
    const asset = this.byUrl.get(url);
    if (!asset) return undefined;
    if (!('file' in asset)) return asset.content;
    const bytes = readRegularFile(asset.file, Math.max(ASSET_LIMITS.image, ASSET_LIMITS.font));
    return path.extname(asset.file).toLowerCase() === '.svg' ? Buffer.from(sanitizeSvg(bytes.toString('utf8'))) : bytes;
  }

  /** Puts back files registered by a render that is now replayed from a cache. */
  restoreFiles(entries: readonly (readonly [string, string])[]): void {
    for (const [url, file] of entries) this.byUrl.set(url, { file });
  }

  /** Every URL with its file or a digest of its content: what a cached render depends on. */
  state(): string {
    return JSON.stringify(
      [...this.byUrl].map(([url, a]) => [url, 'file' in a ? a.file : createHash('sha1').update(a.content).digest('base64')]),
    );
  }

  /** What a worker hands back: the map as plain data (a structured clone drops the class). */
  toPlain(): [string, Asset][] {
    return [...this.byUrl];
  }

  static fromPlain(entries: readonly [string, Asset][]): AssetMap {
    const map = new AssetMap();
    for (const [url, asset] of entries) {
      map.byUrl.set(url, 'file' in asset ? { file: asset.file } : { content: Buffer.from(asset.content) });
    }
    return map;
  }

  /** In code-unit order: a cache key and a list of files to write, where any fixed order does. */
  urls(): string[] {
    return [...this.byUrl.keys()].sort();
  }

  entries(): [string, string][] {
    return this.urls().flatMap((url) => {
      const file = this.get(url);
      return file ? [[url, file] as [string, string]] : [];
    });
  }
}

function safeName(name: string): string {
  return name
    .split('/')
    .map((part) => part.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || '_')
    .join('/');
}
