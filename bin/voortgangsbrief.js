#!/usr/bin/env node
// dist/main.bundle.js is the CLI bundled by scripts/bundle.mjs (it starts faster); a
// checkout compiled with tsc alone still runs from dist/cli/main.js.
let main;
try {
  ({ main } = await import('../dist/main.bundle.js'));
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('main.bundle.js')) throw err;
  ({ main } = await import('../dist/cli/main.js'));
}

process.exitCode = await main(process.argv.slice(2));
