import { parseArgs } from 'node:util';
import { GLOBAL_OPTIONS, OPTIONS, optionLabel, type OptionName, type OptionSpec } from './cli-options.js';
import { COMMAND_NAMES, COMMANDS } from './command-table.js';
import { parseSetFlags } from './parse-set.js';
import { closest } from './suggest.js';
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
  tool: string | undefined;
  port: number | undefined;
  host: string | undefined;
  open: boolean;
  pdf: boolean;
  version: boolean;
  help: boolean;
}

type Values = Partial<Record<OptionName, string | boolean | string[]>>;

/**
 * Parses the command line against the command's own flags. node's parseArgs runs in
 * its lenient mode over every flag any command knows, so that a wrong flag can be
 * named with its owner or a likely intent; the checks its strict mode would make are
 * done here, per command.
 */
export function parseCliArgs(argv: string[]): CliArgs {
  const { tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    allowNegative: true,
    strict: false,
    tokens: true,
    options: Object.fromEntries(Object.entries(OPTIONS).map(([name, spec]: [string, OptionSpec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}) }])),
  });
  const positionals = tokens.flatMap((t) => (t.kind === 'positional' ? [t.value] : []));
  const options = tokens.flatMap((t) => (t.kind === 'option' ? [t] : []));
  const [command, ...rest] = positionals;
  const asked = (name: OptionName) => options.some((t) => t.name === name && !t.rawName.startsWith('--no-'));

  // --version and --help win over everything else on the line, as a person expects.
  if (asked('version')) return result(undefined, [], { version: true });
  if (asked('help')) return result(command, [], { help: true });
  if (command === undefined) throw new UsageError(options.length ? `missing command before ${options[0]!.rawName}` : 'missing command');
  const spec = COMMANDS[command];
  if (!spec) {
    const guess = closest(command, COMMAND_NAMES);
    throw new UsageError(`unknown command "${command}"${guess ? `; did you mean "${guess}"?` : ''}`);
  }

  const values: Values = {};
  for (const t of options) {
    const name = checkOption(command, t.name, t.rawName);
    const opt: OptionSpec = OPTIONS[name];
    if (opt.type === 'boolean') {
      if (t.value !== undefined) throw new UsageError(`${t.rawName} takes no value`, command);
      values[name] = !t.rawName.startsWith('--no-');
    } else {
      if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-'))) {
        throw new UsageError(`${t.rawName} needs a value: ${optionLabel(name)}`, command);
      }
      values[name] = opt.multiple ? [...((values[name] as string[] | undefined) ?? []), t.value] : t.value;
    }
  }
  if (rest.length < spec.min) throw new UsageError(`${command} needs ${spec.args}`, command);
  if (rest.length > spec.max) throw new UsageError(`unexpected argument "${rest[spec.max]}"`, command);
  return result(command, rest, values);
}

/** The option's name if the command takes it; otherwise a usage error that helps. */
function checkOption(command: string, name: string, raw: string): OptionName {
  const own = new Set<string>([...COMMANDS[command]!.options, ...GLOBAL_OPTIONS]);
  const negated = raw.startsWith('--no-');
  const known = name in OPTIONS ? (OPTIONS[name as OptionName] as OptionSpec) : undefined;
  if (known && own.has(name) && (!negated || known.negatable)) return name as OptionName;
  const flag = negated ? `--no-${name}` : raw.startsWith('--') ? `--${name}` : raw;
  if (known && (!negated || known.negatable)) {
    const owners = COMMAND_NAMES.filter((c) => COMMANDS[c]!.options.includes(name as OptionName));
    if (owners.length) throw new UsageError(`${flag} belongs to ${owners.join(' and ')}, not to ${command}`, command);
  }
  const spellings = [...own].flatMap((o) => {
    const s: OptionSpec = OPTIONS[o as OptionName];
    return s.negatable ? [`--no-${o}`, `--${o}`] : [`--${o}`];
  });
  const guess = closest(flag, spellings);
  throw new UsageError(`unknown option ${flag} for ${command}${guess ? `; did you mean ${guess}?` : ''}`, command);
}

function result(command: string | undefined, positionals: string[], v: Values): CliArgs {
  const str = (name: OptionName) => v[name] as string | undefined;
  const bool = (name: OptionName) => v[name] === true;
  const [dir, ...extra] = positionals;
  return {
    command,
    dir: dir ?? '.',
    dirGiven: dir !== undefined,
    extra,
    out: str('out'),
    overrides: parseSetFlags((v.set as string[] | undefined) ?? []),
    browser: str('browser'),
    timeoutMs: seconds(str('timeout'), command),
    json: bool('json'),
    quiet: bool('quiet'),
    strict: bool('strict'),
    split: bool('split'),
    type: str('type'),
    tool: str('tool'),
    port: str('port') === undefined ? undefined : port(str('port')!, command),
    host: str('host'),
    open: bool('open'),
    pdf: v.pdf !== false,
    version: bool('version'),
    help: bool('help'),
  };
}

function seconds(value: string | undefined, command: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  // setTimeout cannot wait longer than about 24.8 days; a day is more than any letter needs.
  if (!(n > 0) || n > 86_400) throw new UsageError(`--timeout takes a number of seconds between 0 and 86400 (got "${value}")`, command);
  return n * 1000;
}

function port(value: string, command: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError('--port takes a port number (0 for any free port)', command);
  return n;
}
