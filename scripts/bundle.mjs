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
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
for (const f of readdirSync(dist)) if (/^(.*\.bundle\.(c?js|v8cache)|chunk-.*\.js)$/.test(f)) rmSync(path.join(dist, f));

/**
 * A package that `importer` (a package folder name) requires, replaced by `contents` in
 * the bundle: for code paths this tool never takes, whose loading every start paid for.
 */
function stub(pkg, importer, contents) {
  const namespace = `vb-stub-${pkg}`;
  return {
    name: `no-${pkg}-for-${importer.replace(/[@/]/g, '')}`,
    setup(b) {
      const from = `${path.sep}${importer.split('/').join(path.sep)}${path.sep}`;
      b.onResolve({ filter: new RegExp(`^${pkg}$`) }, (args) => (args.importer.includes(from) ? { path: pkg, namespace } : undefined));
      b.onLoad({ filter: /.*/, namespace }, () => ({ contents, loader: 'js' }));
    },
  };
}

// gray-matter loads js-yaml (~12 ms of a cold start) for engines that parse-section.ts
// replaces with ones that parse nothing; in the bundle it gets a stub that refuses.
const noJsYaml = stub(
  'js-yaml',
  'gray-matter',
  "const refuse = () => { throw new Error('js-yaml is not bundled: front matter is parsed by yaml'); };\n" +
    'module.exports = { safeLoad: refuse, load: refuse, safeDump: refuse, dump: refuse };\n',
);

// Handlebars writes a template's code through source-map's SourceNode when the package
// loads, and through a plain string builder when it does not. We never ask for a
// template's source map (no srcName), and the code is the same text either way; the
// SourceNodes cost ~5 ms of every cold check (docs/decisions.md).
const noSourceMapForHandlebars = stub(
  'source-map',
  'handlebars',
  "throw new Error('source-map is not bundled: Handlebars builds template code as plain strings');\n",
);

// @puppeteer/browsers (which puppeteer-core imports for launching and downloading)
// imports proxy-agent for its downloads, and with it a JavaScript engine for PAC files
// (quickjs-emscripten, esprima, ast-types, escodegen), FTP, SOCKS and more: ~1.3 MB that
// every `build` and `watch` loaded and compiled in its main thread, next to the check
// and Chromium's start on a small machine. This tool connects to a Chromium it starts
// itself and never downloads one, so puppeteer gets a ProxyAgent that refuses.
const noProxyAgent = stub(
  'proxy-agent',
  '@puppeteer/browsers',
  "export class ProxyAgent { constructor() { throw new Error('proxy-agent is not bundled: voortgangsbrief never downloads a browser'); } }\n",
);

// What both Node bundles share.
const forNode = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // jsonc-parser's UMD build requires its own files at run time; its ESM build does not.
  mainFields: ['module', 'main'],
  external: ['chokidar', 'fsevents'],
  logLevel: 'warning',
  // Less text for V8 to pre-parse on every start; names stay, so profiles stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
};

await build({
  ...forNode,
  entryPoints: [path.join(dist, 'cli/main.js')],
  outdir: dist,
  entryNames: '[name].bundle',
  chunkNames: 'chunk-[hash]',
  splitting: true,
  format: 'esm',
  // CommonJS packages in the bundle (handlebars) require node built-ins.
  banner: { js: "import { createRequire as __vbCreateRequire } from 'node:module'; const require = __vbCreateRequire(import.meta.url);" },
  plugins: [noJsYaml, noProxyAgent, noSourceMapForHandlebars],
});

// A CommonJS file of the compiled sources; import.meta.url is the file's own URL, as
// it is for every module of an ES bundle.
const asCommonJs = {
  ...forNode,
  format: 'cjs',
  define: { 'import.meta.url': '__vbImportMetaUrl' },
  banner: { js: "var __vbImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

// The check's worker thread (src/check-worker.ts) runs a bundle of its own, CommonJS so
// that src/check-worker-boot.ts can compile it with V8's code cache (node 20 caches no
// ES module), and whole, since a vm.Script cannot import chunks.
await build({
  ...asCommonJs,
  entryPoints: [path.join(dist, 'check-worker.js')],
  outfile: path.join(dist, 'check-worker.bundle.cjs'),
  plugins: [noJsYaml, noSourceMapForHandlebars],
});

// The script the check's worker starts (src/check-worker-boot.ts), a CommonJS file of
// its own: a worker given an ES module sets up node's module loader before it runs it
// (~6 ms of every check).
await build({
  ...asCommonJs,
  entryPoints: [path.join(dist, 'check-worker-boot.js')],
  outfile: path.join(dist, 'check-worker-boot.cjs'),
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

// The built-in fonts' faces and coverage, read once here instead of from some twenty
// font files in every check, and the built-in layouts and partials, compiled; then V8's
// code cache for the check's bundle, made by one check of the example with this node
// (src/code-cache/train-check-worker.ts). postinstall makes all three again where the
// package is installed: the cache is not shipped (another node refuses it anyway), and
// the font packages there may be other versions.
const { trainCheckWorker, writeCompiledBuiltins } = await import(pathToFileURL(path.join(dist, 'code-cache/train-check-worker.js')).href);
writeCompiledBuiltins();
if (!(await trainCheckWorker(root))) console.warn('bundle: no code cache for the check (it runs without, only slower)');
