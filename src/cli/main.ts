#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, check } from '../build.js';
import { InputError, RenderError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format-diagnostic.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { EXIT } from './exit-codes.js';
import { parseSetFlags } from './parse-set.js';
import { USAGE } from './usage.js';
import { UsageError } from './usage-error.js';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`voortgangsbrief: ${err.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (err instanceof InputError) {
      printDiagnostics(err.diagnostics, io);
      const n = err.diagnostics.length;
      io.err(`\n${n} error${n === 1 ? '' : 's'}; nothing was written.`);
      return EXIT.input;
    }
    if (err instanceof RenderError) {
      io.err(`voortgangsbrief: ${err.message}`);
      return EXIT.render;
    }
    // Not the author's mistake: a bug or the environment. Keep the stack for a report.
    io.err(`voortgangsbrief: internal error: ${(err as Error)?.stack ?? String(err)}`);
    return EXIT.render;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        set: { type: 'string', multiple: true },
        browser: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version);
    return EXIT.ok;
  }
  const [command, dir = '.', ...extra] = positionals;
  if (values.help || command === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (!command) throw new UsageError('missing command');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const overrides = parseSetFlags(values.set ?? []);
  const quiet = Boolean(values.quiet || values.json || process.env.CI);
  if (command === 'check') {
    const result = check({ dir, ...(overrides ? { overrides } : {}) });
    printDiagnostics(result.warnings, io);
    if (values.json) io.out(JSON.stringify({ warnings: result.warnings }));
    else if (!values.quiet) io.err(`${dir}: no errors${result.warnings.length ? `, ${result.warnings.length} warning(s)` : ''}`);
    return EXIT.ok;
  }
  if (command === 'build') {
    const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
    if (timeout !== undefined && !(timeout > 0)) throw new UsageError('--timeout takes a number of seconds');
    const result = await build({
      dir,
      ...(values.out ? { out: values.out } : {}),
      ...(overrides ? { overrides } : {}),
      ...(values.browser ? { browser: values.browser } : {}),
      ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
      ...(quiet ? {} : { onProgress: (m: string) => io.err(m) }),
    });
    printDiagnostics(result.warnings, io);
    if (values.json) io.out(JSON.stringify(result));
    return EXIT.ok;
  }
  throw new UsageError(`unknown command "${command}"`);
}

function printDiagnostics(diagnostics: Diagnostic[], io: Io): void {
  for (const d of diagnostics) io.err(formatDiagnostic(d, process.cwd(), io.color));
}

function defaultIo(): Io {
  return {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
  };
}
