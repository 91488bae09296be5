import { check } from '../../check.js';
import { failOnWarnings } from '../../fail-on-warnings.js';
import { EXIT } from '../exit-codes.js';
import { printDiagnostics, type Io } from '../io.js';
import type { CliArgs } from '../parse-cli-args.js';

export async function checkCommand(args: CliArgs, io: Io): Promise<number> {
  const result = check({ dir: args.dir, ...(args.overrides ? { overrides: args.overrides } : {}) });
  if (args.strict) failOnWarnings(result.warnings);
  printDiagnostics(result.warnings, io);
  const n = result.warnings.length;
  if (args.json) io.out(JSON.stringify({ warnings: result.warnings }));
  else if (!args.quiet) io.err(`${args.dir}: no errors${n ? `, ${n} warning${n === 1 ? '' : 's'}` : ''}`);
  return EXIT.ok;
}
