import { createRequire } from 'node:module';

// Not `require`: esbuild would bundle what a call of that name loads.
const load = createRequire(import.meta.url);

/**
 * YAML for the CLI's own thread, which needs it only for a --set value or the user's
 * config file: loaded then, from node_modules, instead of 160 KB of bundled code that
 * every build compiled while the check and Chromium's start wanted the cores. The
 * check's worker has its own, bundled.
 */
export function parseYaml(text: string): unknown {
  return (load('yaml') as typeof import('yaml')).parse(text);
}
