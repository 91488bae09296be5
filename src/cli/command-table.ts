import type { OptionName } from './cli-options.js';
import type { Io } from './io.js';
import type { CliArgs } from './parse-cli-args.js';

export type Command = (args: CliArgs, io: Io) => Promise<number>;

/** What the positional arguments of a command are, for usage and shell completion. */
export type PositionalKind = 'dir' | 'schema' | 'command' | 'shell';

export interface CommandSpec {
  /** The positional part of the usage line: "[dir…]", "<dir>". */
  args: string;
  positional: PositionalKind;
  /** How many positionals the command takes. */
  min: number;
  max: number;
  summary: string;
  options: readonly OptionName[];
  /** Loaded on demand: `check` then never loads puppeteer, and `--version` loads nothing. */
  load: () => Promise<Command>;
}

export const COMMANDS: Record<string, CommandSpec> = {
  build: {
    args: '[dir…]',
    positional: 'dir',
    min: 0,
    max: Infinity,
    summary: 'render the letter project in dir (default: .) to PDF and HTML; several projects share one browser and print in parallel',
    options: ['out', 'set', 'browser', 'timeout', 'strict', 'split', 'json', 'quiet'],
    load: async () => (await import('./commands/build-command.js')).buildCommand,
  },
  check: {
    args: '[dir]',
    positional: 'dir',
    min: 0,
    max: 1,
    summary: 'validate the project in dir (default: .) without a browser',
    options: ['set', 'timeout', 'strict', 'json', 'quiet'],
    load: async () => (await import('./commands/check-command.js')).checkCommand,
  },
  watch: {
    args: '[dir]',
    positional: 'dir',
    min: 0,
    max: 1,
    summary: 'rebuild on every change and serve a live preview',
    options: ['out', 'set', 'browser', 'timeout', 'port', 'host', 'open', 'pdf', 'quiet'],
    load: async () => (await import('./commands/watch-command.js')).watchCommand,
  },
  init: {
    args: '<dir>',
    positional: 'dir',
    min: 1,
    max: 1,
    summary: 'make dir a letter repository: a worked example, package.json, CI and editor settings; existing files are kept',
    options: ['type', 'tool', 'quiet'],
    load: async () => (await import('./commands/init-command.js')).initCommand,
  },
  schema: {
    args: '[name]',
    positional: 'schema',
    min: 0,
    max: 1,
    summary: 'print a JSON Schema: brief (default), sectie, config, moties, toezeggingen, bronnen or reeksen',
    options: [],
    load: async () => (await import('./commands/schema-command.js')).schemaCommand,
  },
  completion: {
    args: '<bash|zsh>',
    positional: 'shell',
    min: 1,
    max: 1,
    summary: 'print a shell completion script, e.g. source <(voortgangsbrief completion bash)',
    options: [],
    load: async () => (await import('./commands/completion-command.js')).completionCommand,
  },
  help: {
    args: '[command]',
    positional: 'command',
    min: 0,
    max: 1,
    summary: 'show the usage of a command, or this overview',
    options: [],
    load: async () => (await import('./commands/help-command.js')).helpCommand,
  },
};

export const COMMAND_NAMES = Object.keys(COMMANDS);
