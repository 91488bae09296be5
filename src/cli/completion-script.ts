import { OPTIONS, type OptionName, type OptionSpec } from './cli-options.js';
import { COMMAND_NAMES, COMMANDS, type PositionalKind } from './command-table.js';

export const SHELLS = ['bash', 'zsh'] as const;
export type Shell = (typeof SHELLS)[number];

/** Words a positional or a flag value can be, besides files and folders. */
export interface CompletionWords {
  types: readonly string[];
  schemas: readonly string[];
}

export function completionScript(shell: Shell, words: CompletionWords): string {
  return shell === 'bash' ? bashScript(words) : zshScript(words);
}

function spellings(command: string): string[] {
  return [...COMMANDS[command]!.options, 'help' as const].map((o) => ((OPTIONS[o] as OptionSpec).negatable ? `--no-${o}` : `--${o}`));
}

function positionalWords(kind: PositionalKind, words: CompletionWords): string | undefined {
  return { dir: undefined, schema: words.schemas.join(' '), command: COMMAND_NAMES.join(' '), shell: 'bash zsh' }[kind];
}

function valueWords(name: OptionName, words: CompletionWords): readonly string[] | 'dir' | 'file' | undefined {
  return name === 'type' ? words.types : (OPTIONS[name] as OptionSpec).complete;
}

function bashScript(words: CompletionWords): string {
  const valued = (Object.keys(OPTIONS) as OptionName[]).filter((o) => OPTIONS[o].type === 'string');
  const valueCases = valued.map((o) => {
    const w = valueWords(o, words);
    const reply = w === 'dir' ? 'compgen -d -- "$cur"' : w === 'file' ? 'compgen -f -- "$cur"' : w ? `compgen -W "${w.join(' ')}" -- "$cur"` : '';
    return `    --${o}) ${reply ? `COMPREPLY=($(${reply}))` : 'COMPREPLY=()'}; return ;;`;
  });
  const flagCases = COMMAND_NAMES.map((c) => `      ${c}) COMPREPLY=($(compgen -W "${spellings(c).join(' ')}" -- "$cur")) ;;`);
  const argCases = COMMAND_NAMES.map((c) => {
    const w = positionalWords(COMMANDS[c]!.positional, words);
    return `    ${c}) COMPREPLY=($(${w ? `compgen -W "${w}" -- "$cur"` : 'compgen -d -- "$cur"'})) ;;`;
  });
  return `# bash completion for voortgangsbrief
# Load it with: source <(npx --no-install voortgangsbrief completion bash)
_voortgangsbrief() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) cmd="\${COMP_WORDS[i]}"; break ;; esac
  done
  if [[ -z "$cmd" ]]; then
    COMPREPLY=($(compgen -W "${COMMAND_NAMES.join(' ')} --help --version" -- "$cur"))
    return
  fi
  case "$prev" in
${valueCases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
${flagCases.join('\n')}
    esac
    return
  fi
  case "$cmd" in
${argCases.join('\n')}
  esac
}
complete -o filenames -F _voortgangsbrief voortgangsbrief
`;
}

/** Text inside a single-quoted zsh word, and inside an _arguments [description]. */
function zshText(s: string): string {
  return s.replace(/[;(].*$/, '').trim().replace(/'/g, `'\\''`).replace(/([[\]:])/g, '\\$1');
}

function zshScript(words: CompletionWords): string {
  const commands = COMMAND_NAMES.map((c) => `    '${c}:${zshText(COMMANDS[c]!.summary)}'`);
  const cases = COMMAND_NAMES.map((c) => {
    const spec = COMMANDS[c]!;
    const flags = [...spec.options, 'help' as const].map((o) => {
      const opt: OptionSpec = OPTIONS[o];
      const flag = opt.negatable ? `--no-${o}` : `--${o}`;
      const w = valueWords(o, words);
      const action = opt.type === 'boolean' ? '' : `:${opt.value}:${w === 'dir' ? '_files -/' : w === 'file' ? '_files' : w ? `(${w.join(' ')})` : ' '}`;
      return `'${opt.multiple ? '*' : ''}${flag}[${zshText(opt.help)}]${action}'`;
    });
    const w = positionalWords(spec.positional, words);
    const positional = `'${spec.max > 1 ? '*' : '1'}:${spec.positional}:${w ? `(${w})` : '_files -/'}'`;
    return `    ${c}) _arguments -s ${[...flags, positional].join(' ')} ;;`;
  });
  return `#compdef voortgangsbrief
# zsh completion for voortgangsbrief
# Load it with: source <(npx --no-install voortgangsbrief completion zsh)
_voortgangsbrief() {
  local -a commands
  commands=(
${commands.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'voortgangsbrief command' commands
    return
  fi
  local cmd=\${words[2]}
  shift words
  (( CURRENT-- ))
  case $cmd in
${cases.join('\n')}
  esac
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _voortgangsbrief "$@"
else
  compdef _voortgangsbrief voortgangsbrief
fi
`;
}
