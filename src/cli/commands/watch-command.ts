import path from 'node:path';
import { watchProject, type WatchEvent, type WatchSession } from '../../watch/watch-project.js';
import { EXIT } from '../exit-codes.js';
import { printDiagnostics, type Io } from '../io.js';
import { openInBrowser } from '../open-in-browser.js';
import type { CliArgs } from '../parse-cli-args.js';
import { UsageError } from '../usage-error.js';

/** Runs until SIGINT or SIGTERM; errors in the letter are shown and the watch goes on. */
export async function watchCommand(args: CliArgs, io: Io): Promise<number> {
  const report = (e: WatchEvent) => {
    if (e.kind === 'errors') printDiagnostics(e.diagnostics, io);
    else if (e.kind === 'failure') io.err(`voortgangsbrief: ${e.message}`);
    else if (e.kind === 'preview' && !args.quiet) io.err(`preview updated (${e.ms} ms; ${e.rendered} of ${e.rendered + e.reused} parts rendered)`);
    else if (e.kind === 'pdf' && !args.quiet) io.err(`wrote ${path.relative(process.cwd(), e.pdf) || e.pdf} (${e.pages} pages, ${e.ms} ms)`);
  };
  let session: WatchSession;
  try {
    session = await watchProject({
      dir: args.dir,
      ...(args.out ? { out: args.out } : {}),
      ...(args.overrides ? { overrides: args.overrides } : {}),
      ...(args.browser ? { browser: args.browser } : {}),
      ...(args.timeoutMs ? { timeoutMs: args.timeoutMs } : {}),
      ...(args.port !== undefined ? { port: args.port } : {}),
      ...(args.host !== undefined ? { host: args.host } : {}),
      pdf: args.pdf,
      onEvent: report,
    });
  } catch (err) {
    throw listenError(err, args) ?? err;
  }
  io.err(`watching ${args.dir}; preview at ${session.url} (Ctrl+C to stop)`);
  if (args.open && !openInBrowser(session.url)) io.err(`no system browser to open; visit ${session.url} yourself`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await session.close();
  return EXIT.ok;
}

/**
 * A host that is not this machine's is the command line's fault. A port in use is the
 * machine's state: that stays an environment error (exit 4, cli/environment-error.ts).
 */
function listenError(err: unknown, args: CliArgs): UsageError | undefined {
  const code = (err as NodeJS.ErrnoException)?.code;
  const where = `${args.host ?? '127.0.0.1'}:${args.port ?? 4173}`;
  const why: Record<string, string> = {
    EADDRNOTAVAIL: `${args.host} is not an address of this machine`,
    ENOTFOUND: `there is no host "${args.host}"`,
    EACCES: `listening there needs more rights; choose a port above 1023`,
  };
  return code && why[code] ? new UsageError(`the preview cannot listen on ${where}: ${why[code]}`) : undefined;
}
