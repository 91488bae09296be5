import { jsonSchema, SCHEMA_NAMES, type SchemaName } from '../../model/json-schemas.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import type { CliArgs } from '../parse-cli-args.js';
import { UsageError } from '../usage-error.js';

/** `schema [brief|sectie|config]`: the positional is a schema name here, not a folder. */
export async function schemaCommand(args: CliArgs, io: Io): Promise<number> {
  const name = (args.dir === '.' ? 'brief' : args.dir) as SchemaName;
  if (!SCHEMA_NAMES.includes(name)) {
    throw new UsageError(`unknown schema "${args.dir}"; choose one of: ${SCHEMA_NAMES.join(', ')}`);
  }
  io.out(JSON.stringify(jsonSchema(name), null, 2));
  return EXIT.ok;
}
