/** One flag of the command line, declared once for parsing, help and shell completion. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The value's name in usage lines, for string options. */
  value?: string;
  multiple?: boolean;
  short?: string;
  /** On by default; the command line turns it off as --no-<name>. */
  negatable?: boolean;
  help: string;
  /** What the shell completion offers for the value: a fixed list, or files/folders. */
  complete?: readonly string[] | 'dir' | 'file';
}

export const OPTIONS = {
  out: { type: 'string', value: 'dir', complete: 'dir', help: 'output folder (default: <dir>/output); with several projects, one subfolder per project' },
  set: { type: 'string', value: 'key=value', multiple: true, help: 'override a field, highest precedence; repeatable' },
  browser: { type: 'string', value: 'path', complete: 'file', help: 'Chromium or Chrome to use (or set VOORTGANGSBRIEF_BROWSER)' },
  timeout: { type: 'string', value: 'seconds', help: 'give up after this long: a build (check included), a check, one rebuild of watch (default: 60)' },
  strict: { type: 'boolean', help: 'treat warnings as errors' },
  split: { type: 'boolean', help: 'one PDF per document (brief.pdf, brief-bijlage-1.pdf, …)' },
  json: { type: 'boolean', help: 'print the result as one JSON object on stdout' },
  quiet: { type: 'boolean', help: 'print nothing but errors and warnings' },
  port: { type: 'string', value: 'n', help: 'port of the preview (default: 4173; 0 for any free port)' },
  host: { type: 'string', value: 'address', help: 'address the preview listens on (default: 127.0.0.1)' },
  open: { type: 'boolean', help: 'open the preview in the system browser' },
  pdf: { type: 'boolean', negatable: true, help: 'update the preview only, skip the PDF' },
  type: { type: 'string', value: 'type', help: 'the kind of letter (default: voortgangsbrief)' },
  tool: { type: 'string', value: 'spec', help: 'the npm spec of voortgangsbrief for the new package.json (default: where this one came from)' },
  debug: { type: 'boolean', help: 'print stack traces, for a bug report' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  version: { type: 'boolean', short: 'v', help: 'print the version' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** Taken by every command, and before any command. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['help', 'version', 'debug'];

/** How an option is written in usage: "--out <dir>", "--no-pdf", "-h, --help". */
export function optionLabel(name: OptionName): string {
  const spec: OptionSpec = OPTIONS[name];
  if (spec.negatable) return `--no-${name}`;
  const long = spec.value ? `--${name} <${spec.value}>` : `--${name}`;
  return spec.short ? `-${spec.short}, ${long}` : long;
}
