import Handlebars from 'handlebars';
import { formatDatum } from './helpers/format-datum.js';
import { formatGetal, toNumber } from './helpers/format-getal.js';

export type HandlebarsEnv = typeof Handlebars;
type HelperOptions = Handlebars.HelperOptions & { loc?: unknown; name?: string };

/**
 * One isolated Handlebars instance per build, so that helpers and partials of one
 * project never leak into another build in the same process (tests, watch mode).
 */
export function createHandlebars(): HandlebarsEnv {
  const hb = Handlebars.create();
  const fail = (options: HelperOptions, message: string): never => {
    throw new hb.Exception(message, options as unknown as hbs.AST.Node);
  };
  hb.registerHelper('getal', function (this: unknown, ...args: unknown[]) {
    const options = args.pop() as HelperOptions;
    const [value, decimalen] = args;
    const n = toNumber(value);
    if (n === undefined) return fail(options, `getal: "${String(value)}" is not a number`);
    const d = decimalen === undefined ? undefined : toNumber(decimalen);
    return formatGetal(n, d);
  });
  hb.registerHelper('datum', function (this: unknown, ...args: unknown[]) {
    const options = args.pop() as HelperOptions;
    const [value] = args;
    const text = typeof value === 'string' ? formatDatum(value) : undefined;
    if (text === undefined) return fail(options, `datum: "${String(value)}" is not a date written as YYYY-MM-DD`);
    return text;
  });
  hb.registerHelper('inc', (value: unknown) => (typeof value === 'number' ? value + 1 : value));
  return hb;
}
