import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, MAX_SHOWN_ERRORS, RenderError, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { EXIT } from './exit-codes.js';
import { defaultIo, printDiagnostics, type Io } from './io.js';
import { parseCliArgs, type CliArgs } from './parse-cli-args.js';
import { interruptedExitCode } from './signals.js';
import { USAGE } from './usage.js';
import { UsageError } from './usage-error.js';

type Command = (args: CliArgs, io: Io) => Promise<number>;

// Loaded on demand: `check` then never loads puppeteer, and `--version` loads nothing.
const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./commands/build-command.js')).buildCommand,
  check: async () => (await import('./commands/check-command.js')).checkCommand,
  init: async () => (await import('./commands/init-command.js')).initCommand,
  schema: async () => (await import('./commands/schema-command.js')).schemaCommand,
  watch: async () => (await import('./commands/watch-command.js')).watchCommand,
};

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let json = false;
  try {
    const args = parseCliArgs(argv);
    json = args.json;
    if (args.version) {
      io.out(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version);
      return EXIT.ok;
    }
    if (args.help || args.command === 'help') {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (!args.command) throw new UsageError('missing command');
    const load = COMMANDS[args.command];
    if (!load) throw new UsageError(`unknown command "${args.command}"`);
    // Only build takes several projects (one browser for a batch of letters in CI).
    if (args.extra.length && args.command !== 'build') throw new UsageError(`unexpected argument "${args.extra[0]}"`);
    return await (await load())(args, io);
  } catch (err) {
    return report(err, io, json);
  }
}

function report(err: unknown, io: Io, json: boolean): number {
  // After SIGINT/SIGTERM the build fails because its browser was killed; that is no
  // news to the author, who was already told why it stopped (src/cli/signals.ts).
  const interrupted = interruptedExitCode();
  if (interrupted !== undefined) return interrupted;
  if (err instanceof UsageError) {
    io.err(`voortgangsbrief: ${err.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (err instanceof InputError) {
    // Sorted by file and line, as an author works through them; the JSON report has them all.
    const all = sortDiagnostics(err.diagnostics);
    if (json) io.out(JSON.stringify({ errors: all }));
    printDiagnostics(all.slice(0, MAX_SHOWN_ERRORS), io);
    const n = all.length;
    if (n > MAX_SHOWN_ERRORS) io.err(`\n… and ${n - MAX_SHOWN_ERRORS} more; --json lists them all`);
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
