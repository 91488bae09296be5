import path from 'node:path';
import { watchProject, type WatchEvent } from '../../watch/watch-project.js';
import { EXIT } from '../exit-codes.js';
import { printDiagnostics, type Io } from '../io.js';
import type { CliArgs } from '../parse-cli-args.js';

/** Runs until SIGINT or SIGTERM; errors in the letter are shown and the watch goes on. */
export async function watchCommand(args: CliArgs, io: Io): Promise<number> {
  const report = (e: WatchEvent) => {
    if (e.kind === 'errors') printDiagnostics(e.diagnostics, io);
    else if (e.kind === 'failure') io.err(`voortgangsbrief: ${e.message}`);
    else if (e.kind === 'preview' && !args.quiet) io.err(`preview updated (${e.ms} ms; ${e.rendered} of ${e.rendered + e.reused} parts rendered)`);
    else if (e.kind === 'pdf' && !args.quiet) io.err(`wrote ${path.relative(process.cwd(), e.pdf) || e.pdf} (${e.pages} pages, ${e.ms} ms)`);
  };
  const session = await watchProject({
    dir: args.dir,
    ...(args.out ? { out: args.out } : {}),
    ...(args.overrides ? { overrides: args.overrides } : {}),
    ...(args.browser ? { browser: args.browser } : {}),
    ...(args.timeoutMs ? { timeoutMs: args.timeoutMs } : {}),
    ...(args.port !== undefined ? { port: args.port } : {}),
    pdf: args.pdf,
    onEvent: report,
  });
  io.err(`watching ${args.dir}; preview at ${session.url} (Ctrl+C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await session.close();
  return EXIT.ok;
}
