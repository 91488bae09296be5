// Bundles the compiled CLI (dist/cli/main.js) into a few files in dist/, so a cold start
// reads and links a handful of modules instead of some 400: that cut the load of the
// Markdown/template stack from ~270 ms to ~100 ms (docs/decisions.md). The commands
// stay separate chunks, loaded on demand as before; puppeteer-core and chokidar stay
// ordinary imports (they load optional parts at run time). Everything lands directly
// in dist/, one level below package.json, where src/package-root.ts expects its code.
import { build } from 'esbuild';
import { rmSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
for (const f of readdirSync(dist)) if (/^(.*\.bundle|chunk-.*)\.js$/.test(f)) rmSync(path.join(dist, f));

await build({
  // The check's worker thread (src/check-in-worker.ts) loads a bundle of its own.
  entryPoints: [path.join(dist, 'cli/main.js'), path.join(dist, 'check-worker.js')],
  outdir: dist,
  entryNames: '[name].bundle',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's UMD build requires its own files at run time; its ESM build does not.
  mainFields: ['module', 'main'],
  external: ['puppeteer-core', 'chokidar', 'fsevents'],
  // CommonJS packages in the bundle (handlebars) require node built-ins.
  banner: { js: "import { createRequire as __vbCreateRequire } from 'node:module'; const require = __vbCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
