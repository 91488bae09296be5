import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Files that make up the cold baseline process; they import only node built-ins and each other. */
const FILES = ['native-print.ts', 'native-page.ts'];

/**
 * Turns the native-print script into plain JavaScript in a temp folder, so the
 * baseline process starts with bare `node` like the CLI does. Running it through
 * tsx instead would add the loader's start-up (~0.12 s, ~10 % of the baseline) to
 * the denominator and flatter P1. Type-checking is tsconfig.test.json's job; this
 * only strips types.
 */
export function compileNativePrint(): { script: string; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'voortgangsbrief-bench-native-'));
  // Without this the .js files would load as CommonJS (there is no package.json above /tmp).
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const file of FILES) {
    const { outputText } = ts.transpileModule(readFileSync(path.join(HERE, file), 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    });
    writeFileSync(path.join(dir, file.replace(/\.ts$/, '.js')), outputText);
  }
  return { script: path.join(dir, 'native-print.js'), dir };
}
