import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, MAX_SHOWN_ERRORS, RenderError, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { COMMANDS } from './command-table.js';
import { EXIT } from './exit-codes.js';
import { defaultIo, printDiagnostics, type Io } from './io.js';
import { parseCliArgs, type CliArgs } from './parse-cli-args.js';
import { interruptedExitCode } from './signals.js';
import { helpHint, usageLine } from './usage.js';
import { environmentMessage } from './environment-error.js';
import { UsageError } from './usage-error.js';

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let args: CliArgs | undefined;
  let json = false;
  try {
    args = parseCliArgs(argv);
    json = args.json;
    if (args.version) {
      io.out(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version);
      return EXIT.ok;
    }
    const command = args.help ? COMMANDS.help! : COMMANDS[args.command!]!;
    return await (await command.load())(args, io);
  } catch (err) {
    return report(err, io, args?.command, json);
  }
}

function report(err: unknown, io: Io, command: string | undefined, json: boolean): number {
  // After SIGINT/SIGTERM the build fails because its browser was killed; that is no
  // news to the author, who was already told why it stopped (src/cli/signals.ts).
  const interrupted = interruptedExitCode();
  if (interrupted !== undefined) return interrupted;
  if (err instanceof UsageError) {
    // The one line that shows how to call the command, not the whole manual.
    const about = err.command ?? command;
    io.err(`voortgangsbrief: ${err.message}\n${usageLine(about)}\n${helpHint(about)}`);
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
