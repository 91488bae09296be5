// Bundles the compiled CLI (dist/cli/main.js) into a few files in dist/ (and the page
// runner into dist/page-runner.js, below), so a cold start
// reads and links a handful of modules instead of some 400: that cut the load of the
// Markdown/template stack from ~270 ms to ~100 ms (docs/decisions.md). The commands
// stay separate chunks, loaded on demand as before. puppeteer-core is bundled too (a
// chunk only `build` and `watch` load): its ~300 modules cost ~0.18 s of CPU to load
// from node_modules and ~0.07 s as one chunk. chokidar stays an ordinary import (it
// loads fsevents at run time on macOS). Everything lands directly
// in dist/, one level below package.json, where src/package-root.ts expects its code.
import { build } from 'esbuild';
import { rmSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
for (const f of readdirSync(dist)) if (/^(.*\.bundle|chunk-.*)\.js$/.test(f)) rmSync(path.join(dist, f));

// gray-matter loads js-yaml (~12 ms of a cold start) for engines that parse-section.ts
// replaces with ones that parse nothing; in the bundle it gets a stub that refuses.
const noJsYaml = {
  name: 'no-js-yaml',
  setup(b) {
    b.onResolve({ filter: /^js-yaml$/ }, (args) =>
      args.importer.includes(`${path.sep}gray-matter${path.sep}`) ? { path: 'js-yaml', namespace: 'vb-stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'vb-stub' }, () => ({
      contents: "const refuse = () => { throw new Error('js-yaml is not bundled: front matter is parsed by yaml'); };\n" +
        'module.exports = { safeLoad: refuse, load: refuse, safeDump: refuse, dump: refuse };\n',
      loader: 'js',
    }));
  },
};

// @puppeteer/browsers (which puppeteer-core imports for launching and downloading)
// imports proxy-agent for its downloads, and with it a JavaScript engine for PAC files
// (quickjs-emscripten, esprima, ast-types, escodegen), FTP, SOCKS and more: ~1.3 MB that
// every `build` and `watch` loaded and compiled in its main thread, next to the check
// and Chromium's start on a small machine. This tool connects to a Chromium it starts
// itself and never downloads one, so puppeteer gets a ProxyAgent that refuses.
const noProxyAgent = {
  name: 'no-proxy-agent',
  setup(b) {
    b.onResolve({ filter: /^proxy-agent$/ }, (args) =>
      args.importer.includes(`${path.sep}@puppeteer${path.sep}browsers${path.sep}`) ? { path: 'proxy-agent', namespace: 'vb-stub-proxy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'vb-stub-proxy' }, () => ({
      contents: "export class ProxyAgent { constructor() { throw new Error('proxy-agent is not bundled: voortgangsbrief never downloads a browser'); } }\n",
      loader: 'js',
    }));
  },
};

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
  external: ['chokidar', 'fsevents'],
  // CommonJS packages in the bundle (handlebars) require node built-ins.
  banner: { js: "import { createRequire as __vbCreateRequire } from 'node:module'; const require = __vbCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  // Less text for V8 to pre-parse on every start; names stay, so profiles stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [noJsYaml, noProxyAgent],
});

// The page runner runs in the letter's page, not in Node: one classic script, so a
// layout includes it with a plain <script src>. Bundled from the TypeScript sources.
await build({
  entryPoints: [path.join(root, 'src/layout/browser/page-runner/runner.ts')],
  outfile: path.join(dist, 'page-runner.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  logLevel: 'warning',
});
