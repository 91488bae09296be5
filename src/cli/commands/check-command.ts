import { checkWarningsInWorker } from '../../check-worker-thread.js';
import { failOnWarnings } from '../../fail-on-warnings.js';
import { Deadline, DEFAULT_TIMEOUT_MS } from '../../pdf/deadline.js';
import { EXIT } from '../exit-codes.js';
import { printDiagnostics, type Io } from '../io.js';
import type { CliArgs } from '../parse-cli-args.js';
import { withSignalHandling } from '../signals.js';

/**
 * The check runs in a worker thread, as build's does: --timeout and SIGINT/SIGTERM end
 * it at once, even in the middle of a long parse. This thread loads none of the check.
 */
export async function checkCommand(args: CliArgs, io: Io): Promise<number> {
  const deadline = new Deadline(args.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'check');
  const warnings = await withSignalHandling(
    io,
    () => checkWarningsInWorker(args.dir, args.overrides ? { overrides: args.overrides } : {}, deadline),
    'the check was stopped',
  );
  if (args.strict) failOnWarnings(warnings);
  printDiagnostics(warnings, io);
  const n = warnings.length;
  if (args.json) io.out(JSON.stringify({ warnings }));
  else if (!args.quiet) io.err(`${args.dir}: no errors${n ? `, ${n} warning${n === 1 ? '' : 's'}` : ''}`);
  return EXIT.ok;
}
