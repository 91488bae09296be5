import { completionScript, SHELLS, type Shell } from '../completion-script.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import type { CliArgs } from '../parse-cli-args.js';
import { UsageError } from '../usage-error.js';
import { SCHEMA_NAMES } from '../../model/json-schemas.js';
import { DOCUMENT_TYPES } from '../../model/type-schemas.js';

/** `completion bash|zsh`: a script for the shell to source. */
export async function completionCommand(args: CliArgs, io: Io): Promise<number> {
  const shell = args.dir as Shell;
  if (!SHELLS.includes(shell)) throw new UsageError(`no completion for "${args.dir}"; choose one of: ${SHELLS.join(', ')}`);
  io.out(completionScript(shell, { types: DOCUMENT_TYPES, schemas: SCHEMA_NAMES }).trimEnd());
  return EXIT.ok;
}
