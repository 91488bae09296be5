import path from 'node:path';
import { InitError, initProject, PROJECT_TYPES, type ProjectType } from '../../init/init-project.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import type { CliArgs } from '../parse-cli-args.js';
import { UsageError } from '../usage-error.js';

export async function initCommand(args: CliArgs, io: Io): Promise<number> {
  if (!args.dirGiven) throw new UsageError('init needs a folder: voortgangsbrief init <dir> [--type <type>]');
  const type = (args.type ?? 'voortgangsbrief') as ProjectType;
  if (!PROJECT_TYPES.includes(type)) {
    throw new UsageError(`unknown document type "${args.type}"; choose one of: ${PROJECT_TYPES.join(', ')}`);
  }
  let files: string[];
  try {
    files = initProject(args.dir, type);
  } catch (err) {
    if (err instanceof InitError) throw new UsageError(err.message);
    throw err;
  }
  if (!args.quiet) {
    io.err(`created a ${type} in ${args.dir}:`);
    for (const f of files) io.err(`  ${path.join(args.dir, f)}`);
    io.err(`next: voortgangsbrief build ${args.dir}`);
  }
  return EXIT.ok;
}
