import Handlebars from 'handlebars';
import { helperError, type HelperContext } from './helper-context.js';
import { registerFormatHelpers, type Fail } from './helpers/format-helpers.js';
import { registerRecordHelpers } from './helpers/register-helpers.js';
import { registerSeriesHelpers } from './helpers/series-helpers.js';
import { registerReferenceHelpers } from './helpers/reference-helpers.js';

export type HandlebarsEnv = typeof Handlebars;

/**
 * One isolated Handlebars instance per document, so that helpers and partials of one
 * project never leak into another build in the same process (tests, watch mode).
 * With a context, the record and statistics helpers are available too.
 */
export function createHandlebars(ctx?: HelperContext): HandlebarsEnv {
  const hb = Handlebars.create();
  const fail: Fail = (options, message, hint) => {
    if (ctx) throw helperError(ctx, options, message, hint);
    throw new hb.Exception(message, options as unknown as hbs.AST.Node);
  };
  registerFormatHelpers(hb, () => ctx?.datum, fail);
  hb.registerHelper('inc', (value: unknown) => (typeof value === 'number' ? value + 1 : value));
  if (ctx) {
    registerRecordHelpers(hb, ctx);
    registerSeriesHelpers(hb, ctx);
    registerReferenceHelpers(hb, ctx);
  }
  return hb;
}
