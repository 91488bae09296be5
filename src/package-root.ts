import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds package.json, found from this module whether it runs as
 * TypeScript from src/ (tests) or compiled from dist/ (the CLI): both are one level down.
 */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The built-in templates: layouts, partials, texts and the scaffolds of `init`. */
export const BUILTIN_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');
