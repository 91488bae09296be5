import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { AssetMap } from '../model/asset-map.js';
import { isInside, resolveInside } from '../project/resolve-inside.js';
import { checkAssetFile } from '../project/check-asset-file.js';
import type { PositionMap } from '../diagnostics/position-map.js';

export interface MediaOptions {
  /** Where the author wrote each part of the text. */
  map: PositionMap;
  projectRoot: string;
  assets: AssetMap;
  /** Mistakes go here when given; without it they are thrown. */
  errors?: Diagnostic[];
}

/**
 * Images must be files of the project, described for readers who cannot see them;
 * tables must say which cells are headers. Both are accessibility duties of a
 * government document (EN 301 549), so a missing alt text is an error, not a warning.
 * Local images are registered as assets and their src rewritten to the served URL.
 */
export function rehypeCheckMedia(options: MediaOptions) {
  return (tree: Root) => {
    const errors: Diagnostic[] = [];
    const at = (node: Element) => options.map.locate(node.position?.start, node.position?.end);
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'img') {
        const src = String(node.properties.src ?? '');
        const alt = String(node.properties.alt ?? '').trim();
        if (!alt) {
          errors.push({
            ...at(node),
            severity: 'error',
            rule: 'missing-alt',
            message: `image ${src || '(no src)'} has no alt text`,
            hint: 'describe the image for readers who cannot see it: ![Aantal meldingen per jaar, 2019-2024](grafiek.png)',
          });
        }
        // The sanitiser drops file:, data: and other unsafe sources; an image left without one is an error.
        if (!src) {
          errors.push({
            ...at(node),
            severity: 'error',
            message: 'image has no usable source (file:, data: and other URLs are not allowed)',
            hint: 'save the image in the project folder and refer to it by its path, e.g. afbeeldingen/grafiek.png',
          });
          return;
        }
        if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
          errors.push({
            ...at(node),
            severity: 'error',
            message: `image ${src} is not a file of the project`,
            hint: 'save the image in the project folder and refer to it by its path, e.g. afbeeldingen/grafiek.png',
          });
          return;
        }
        // Charts and other generated images are registered by their helper already.
        if (src && !options.assets.has(src)) {
          try {
            const folder = path.dirname(path.relative(options.projectRoot, options.map.file));
            const file = resolveInside(options.projectRoot, path.join(folder, src), at(node), imageNotFoundHint(options.projectRoot, folder, src));
            checkAssetFile(file, 'image', at(node), src);
            node.properties.src = options.assets.add(file, `afbeeldingen/${path.basename(file)}`);
          } catch (err) {
            if (err instanceof InputError) errors.push(...err.diagnostics);
            else throw err;
          }
        }
      }
      if (node.tagName === 'table') {
        let headers = 0;
        visit(node, 'element', (cell: Element) => {
          if (cell.tagName === 'th') headers++;
        });
        if (headers === 0) {
          errors.push({
            ...at(node),
            severity: 'error',
            rule: 'table-headers',
            message: 'table has no header cells',
            hint: 'give the table a header row (a Markdown table always has one; in HTML use <th>)',
          });
        }
      }
    });
    if (options.errors) options.errors.push(...errors);
    else if (errors.length) throw new InputError(errors);
  };
}

/**
 * An image's path is read from the folder of the Markdown file it is in. An author who
 * wrote it from the project folder is told the path that works from there.
 */
function imageNotFoundHint(root: string, folder: string, src: string): string {
  if (folder === '.') return `an image's path is read from the project folder, where ${src} is not; correct the path or put the file there`;
  const fromRoot = path.resolve(root, src);
  if (isInside(path.resolve(root), fromRoot) && existsSync(fromRoot)) {
    return `an image's path is read from the Markdown file's folder (${folder}/); for ${src} in the project folder, write ${path.relative(folder, src).split(path.sep).join('/')}`;
  }
  return `an image's path is read from the Markdown file's folder (${folder}/); correct the path or put the file there`;
}
