import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, RenderError } from '../diagnostics/diagnostic.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { EXIT } from './exit-codes.js';
import { defaultIo, printDiagnostics, type Io } from './io.js';
import { parseCliArgs, type CliArgs } from './parse-cli-args.js';
import { interruptedExitCode } from './signals.js';
import { USAGE } from './usage.js';
import { environmentMessage } from './environment-error.js';
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
  try {
    const args = parseCliArgs(argv);
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
    return report(err, io);
  }
}

function report(err: unknown, io: Io): number {
  // After SIGINT/SIGTERM the build fails because its browser was killed; that is no
  // news to the author, who was already told why it stopped (src/cli/signals.ts).
  const interrupted = interruptedExitCode();
  if (interrupted !== undefined) return interrupted;
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
  const environment = environmentMessage(err);
  if (environment) {
    io.err(`voortgangsbrief: ${environment}`);
    if (debugging()) io.err(String((err as Error)?.stack ?? err));
    return EXIT.environment;
  }
  // A bug: one line asking for a report; the stack only for whoever debugs it.
  io.err(
    `voortgangsbrief: internal error: ${String((err as Error)?.message ?? err).split('\n')[0]}. ` +
      'This is a bug in voortgangsbrief; please report it with the command you ran (run again with --debug for the details).',
  );
  if (debugging()) io.err(String((err as Error)?.stack ?? err));
  return EXIT.render;
}

/** --debug anywhere on the command line, or VOORTGANGSBRIEF_DEBUG=1: stacks for a bug report. */
function debugging(): boolean {
  return process.argv.includes('--debug') || process.env.VOORTGANGSBRIEF_DEBUG === '1';
}
