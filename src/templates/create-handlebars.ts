import Handlebars from 'handlebars';
import { collecting, helperError, type HelperContext } from './helper-context.js';
import { registerFormatHelpers, type Fail } from './helpers/format-helpers.js';
import { BUILT_IN_HELPERS, describeOptions, HELPER_OPTIONS, optionMismatch } from './helpers/helper-options.js';
import { registerRecordHelpers } from './helpers/register-helpers.js';
import { registerSeriesHelpers } from './helpers/series-helpers.js';
import { registerReferenceHelpers } from './helpers/reference-helpers.js';

export type HandlebarsEnv = typeof Handlebars;
type HelperOptions = Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } };

/**
 * One isolated Handlebars instance per document, so that helpers and partials of one
 * project never leak into another build in the same process (tests, watch mode).
 * With a context, the record and statistics helpers are available too.
 */
export function createHandlebars(ctx?: HelperContext): HandlebarsEnv {
  const hb = Handlebars.create();
  const fail: Fail = (options, message, hint, rule) => {
    if (ctx) throw helperError(ctx, options, message, hint, rule);
    throw new hb.Exception(message, options as unknown as hbs.AST.Node);
  };
  registerFormatHelpers(hb, () => ctx?.datum, fail);
  hb.registerHelper('inc', (value: unknown) => (typeof value === 'number' ? value + 1 : value));
  if (ctx) {
    registerRecordHelpers(hb, ctx);
    registerSeriesHelpers(hb, ctx);
    registerReferenceHelpers(hb, ctx);
  }
  checkOptionsWhileRendering(hb, ctx, fail);
  return hb;
}

/**
 * Wraps every helper of ours: an option given through a data path (`groot=cijfers.x`)
 * is only known while rendering, so its type is checked here; literals were checked
 * before rendering (check-helper-options.ts). With a collecting context, a helper's
 * mistake is kept and the rendering goes on.
 */
function checkOptionsWhileRendering(hb: HandlebarsEnv, ctx: HelperContext | undefined, fail: Fail): void {
  for (const [name, helper] of Object.entries(hb.helpers)) {
    if (BUILT_IN_HELPERS.has(name)) continue;
    const declared = HELPER_OPTIONS[name] ?? {};
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      return collecting(ctx, () => {
        const options = args[args.length - 1] as HelperOptions;
        for (const [key, value] of Object.entries(options?.hash ?? {})) {
          const type = declared[key];
          if (type === undefined) fail(options, `${name} has no option "${key}"`, describeOptions(name), 'unknown-helper-option');
          const wrong = optionMismatch(type, value);
          if (wrong) fail(options, `option ${key} of ${name} ${wrong}; got ${JSON.stringify(value) ?? String(value)}`, describeOptions(name), 'helper-option-type');
        }
        return (helper as (...a: unknown[]) => unknown).apply(this, args);
      });
    });
  }
}
