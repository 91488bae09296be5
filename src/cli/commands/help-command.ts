import { OPTIONS, optionLabel, type OptionName, type OptionSpec } from '../cli-options.js';
import { COMMAND_NAMES, COMMANDS } from '../command-table.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import type { CliArgs } from '../parse-cli-args.js';
import { closest } from '../suggest.js';
import { UsageError } from '../usage-error.js';
import { usageLine } from '../usage.js';
import { DOCUMENT_TYPES } from '../../model/type-schemas.js';

/** `help [command]`, `--help` and `<command> --help`. */
export async function helpCommand(args: CliArgs, io: Io): Promise<number> {
  // `build --help` (and `help --help`) asks about the command itself; `help build` names it.
  const topic = args.help ? args.command : args.dirGiven ? args.dir : undefined;
  if (topic !== undefined && !COMMANDS[topic]) {
    const guess = closest(topic, COMMAND_NAMES);
    throw new UsageError(`no command "${topic}"${guess ? `; did you mean "${guess}"?` : ''}`, 'help');
  }
  io.out(topic ? commandHelp(topic) : overview());
  return EXIT.ok;
}

export function overview(): string {
  const width = Math.max(...COMMAND_NAMES.map((c) => `${c} ${COMMANDS[c]!.args}`.length)) + 2;
  const lines = COMMAND_NAMES.map((c) => row(`${c} ${COMMANDS[c]!.args}`, COMMANDS[c]!.summary, width));
  return [
    'Usage: voortgangsbrief <command> [arguments] [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options of every command:',
    row(optionLabel('help'), 'show the usage of the command', width),
    row(optionLabel('version'), 'print the version', width),
    '',
    'Run "voortgangsbrief help <command>" for the options of a command.',
  ].join('\n');
}

export function commandHelp(command: string): string {
  const spec = COMMANDS[command]!;
  const options: OptionName[] = [...spec.options, 'help'];
  const width = Math.max(...options.map((o) => optionLabel(o).length)) + 2;
  return [
    usageLine(command).replace(/^usage/, 'Usage'),
    '',
    wrap(`${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`, 80).join('\n'),
    '',
    'Options:',
    ...options.map((o) => row(optionLabel(o), optionHelp(o), width)),
  ].join('\n');
}

function optionHelp(name: OptionName): string {
  const help = (OPTIONS[name] as OptionSpec).help;
  return name === 'type' ? `${help}: ${DOCUMENT_TYPES.join(', ')}` : help;
}

/** "  label   text", the text wrapped to 80 columns under itself. */
function row(label: string, text: string, width: number): string {
  const indent = 2 + width;
  const lines = wrap(text, 80 - indent);
  return [`  ${label.padEnd(width)}${lines[0]}`, ...lines.slice(1).map((l) => `${' '.repeat(indent)}${l}`)].join('\n');
}

function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}
