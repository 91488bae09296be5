import { OPTIONS, optionLabel, type OptionSpec } from './cli-options.js';
import { COMMANDS } from './command-table.js';

/** The one line a usage error shows: the command's arguments and every flag it takes. */
export function usageLine(command?: string): string {
  const spec = command ? COMMANDS[command] : undefined;
  if (!command || !spec) return 'usage: voortgangsbrief <command> [arguments] [options]';
  const flags = spec.options.map((o) => {
    const label = optionLabel(o).replace(/^-\w, /, '');
    return (OPTIONS[o] as OptionSpec).multiple ? `[${label}]…` : `[${label}]`;
  });
  return ['usage: voortgangsbrief', command, spec.args, ...flags].join(' ');
}

/** Where to read more, printed under a usage error. */
export function helpHint(command?: string): string {
  return command && COMMANDS[command] ? `see: voortgangsbrief help ${command}` : 'see: voortgangsbrief help';
}
