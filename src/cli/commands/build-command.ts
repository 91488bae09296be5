import { buildProjects } from '../../build.js';
import { EXIT } from '../exit-codes.js';
import { printDiagnostics, type Io } from '../io.js';
import type { CliArgs } from '../parse-cli-args.js';
import { withSignalHandling } from '../signals.js';

export async function buildCommand(args: CliArgs, io: Io): Promise<number> {
  // Progress is for a person at a terminal; CI logs and --json stay clean.
  const quiet = args.quiet || args.json || Boolean(process.env.CI);
  const result = await withSignalHandling(io, () => buildProjects([args.dir, ...args.extra], {
    ...(args.out ? { out: args.out } : {}),
    ...(args.overrides ? { overrides: args.overrides } : {}),
    ...(args.browser ? { browser: args.browser } : {}),
    ...(args.timeoutMs ? { timeoutMs: args.timeoutMs } : {}),
    ...(quiet ? {} : { onProgress: (m: string) => io.err(m) }),
    ...(args.strict ? { strict: true } : {}),
    ...(args.split ? { split: true } : {}),
  }));
  printDiagnostics(result.warnings, io);
  if (args.json) io.out(JSON.stringify(result));
  return EXIT.ok;
}
