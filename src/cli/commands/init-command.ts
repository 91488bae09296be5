import path from 'node:path';
import { InitError, initProject, PROJECT_TYPES, type ProjectType } from '../../init/init-project.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import type { CliArgs } from '../parse-cli-args.js';
import { UsageError } from '../usage-error.js';

export async function initCommand(args: CliArgs, io: Io): Promise<number> {
  const type = (args.type ?? 'voortgangsbrief') as ProjectType;
  if (!PROJECT_TYPES.includes(type)) {
    throw new UsageError(`unknown document type "${args.type}"; choose one of: ${PROJECT_TYPES.join(', ')}`);
  }
  let result;
  try {
    result = initProject(args.dir, { type, ...(args.tool !== undefined ? { tool: args.tool } : {}) });
  } catch (err) {
    if (err instanceof InitError) throw new UsageError(err.message);
    throw err;
  }
  const show = (rel: string) => path.join(args.dir, rel);
  if (!args.quiet) {
    if (result.created.length) io.err(`created in ${args.dir}:`);
    for (const f of result.created) io.err(`  ${show(f)}`);
    for (const u of result.updated) io.err(`added ${u.added.join(', ')} to ${show(u.file)}`);
    if (result.kept.length) io.err(`kept as they were: ${result.kept.map(show).join(', ')}`);
  }
  // Shown even with --quiet: without it, npm install fails on the placeholder.
  if (result.toolIsPlaceholder) {
    io.err(
      `warning: ${show('package.json')} names voortgangsbrief as "${result.tool}", since it is not known where this copy came from. ` +
        'Replace it with the git URL or release tarball your team uses (see its README), or run init again with --tool <spec>.',
    );
  }
  if (!args.quiet) {
    const cd = path.resolve(args.dir) === process.cwd() ? '' : `cd ${args.dir} && `;
    io.err(`next: ${cd}npm install && npm run build`);
  }
  return EXIT.ok;
}
