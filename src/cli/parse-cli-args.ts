import { parseArgs } from 'node:util';
import { parseSetFlags } from './parse-set.js';
import { UsageError } from './usage-error.js';

export interface CliArgs {
  command: string | undefined;
  dir: string;
  /** Whether a folder was named, for commands that must not default to the current one. */
  dirGiven: boolean;
  extra: string[];
  out: string | undefined;
  overrides: Record<string, unknown> | undefined;
  browser: string | undefined;
  timeoutMs: number | undefined;
  json: boolean;
  quiet: boolean;
  strict: boolean;
  split: boolean;
  type: string | undefined;
  port: number | undefined;
  pdf: boolean;
  version: boolean;
  help: boolean;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      strict: true,
      options: {
        out: { type: 'string' },
        set: { type: 'string', multiple: true },
        browser: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        strict: { type: 'boolean' },
        split: { type: 'boolean' },
        type: { type: 'string' },
        port: { type: 'string' },
        pdf: { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        debug: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const { values: v, positionals } = parsed;
  const [command, dir, ...extra] = positionals;
  return {
    command,
    dir: dir ?? '.',
    dirGiven: dir !== undefined,
    extra,
    out: v.out,
    overrides: parseSetFlags(v.set ?? []),
    browser: v.browser,
    timeoutMs: seconds(v.timeout, '--timeout'),
    json: Boolean(v.json),
    quiet: Boolean(v.quiet),
    strict: Boolean(v.strict),
    split: Boolean(v.split),
    type: v.type,
    port: v.port === undefined ? undefined : port(v.port),
    pdf: v.pdf ?? true,
    version: Boolean(v.version),
    help: Boolean(v.help),
  };
}

function seconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  // setTimeout cannot wait longer than about 24.8 days; a day is more than any letter needs.
  if (!(n > 0) || n > 86_400) throw new UsageError(`${flag} takes a number of seconds between 0 and 86400 (got "${value}")`);
  return n * 1000;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError('--port takes a port number (0 for any free port)');
  return n;
}
