import path from 'node:path';

/**
 * The files a rendered page may load, by the relative URL the HTML uses. The PDF
 * stage serves exactly these and nothing else; the HTML writer copies them next to
 * the HTML file.
 */
export class AssetMap {
  private readonly byUrl = new Map<string, string>();

  /** Registers a file and returns its URL, `assets/<name>`; the same file gets the same URL. */
  add(file: string, name = path.basename(file)): string {
    const url = `assets/${name}`;
    const existing = this.byUrl.get(url);
    if (existing !== undefined && existing !== file) {
      return this.add(file, `${path.parse(name).name}-${this.byUrl.size}${path.extname(name)}`);
    }
    this.byUrl.set(url, file);
    return url;
  }

  get(url: string): string | undefined {
    return this.byUrl.get(url);
  }

  entries(): [string, string][] {
    return [...this.byUrl.entries()].sort(([a], [b]) => a.localeCompare(b));
  }
}
