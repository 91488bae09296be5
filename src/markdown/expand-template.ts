import { inputError } from '../diagnostics/diagnostic.js';
import { LIMITS } from '../project/limits.js';
import type { HandlebarsEnv } from '../templates/create-handlebars.js';
import { templateError } from '../templates/template-error.js';
import { checkHelperParams } from '../templates/check-helper-params.js';
import { refusePrototypePaths } from '../templates/refuse-prototype-paths.js';
import { WorkBudget } from '../templates/work-budget.js';
import type { SectionSource } from '../model/build-letter-model.js';

/** Markdown parsing slows down fast with size (a 1 MB table takes remark some 20 s). */
const MAX_EXPANDED = LIMITS.markdown * 2;

/**
 * Runs a Markdown body through Handlebars before it is parsed as Markdown, so data
 * can produce prose and table rows. Strict mode makes an unknown name an error.
 */
export function expandTemplate(hb: HandlebarsEnv, source: SectionSource, data: Record<string, unknown>): string {
  if (!source.body.includes('{{')) return source.body;
  try {
    // Parsed once, for the check of helper arguments and for the compiler.
    const ast = hb.parse(source.body);
    refusePrototypePaths(ast, source.file, source.bodyLine - 1);
    checkHelperParams(hb, ast, data, source.file, source.bodyLine - 1);
    const budget = new WorkBudget(hb, source.file, source.bodyLine - 1);
    const text = hb.compile(ast, { strict: true })(data, budget.runtimeOptions());
    if (text.length > MAX_EXPANDED) {
      throw inputError(
        { file: source.file, line: source.bodyLine, column: 1 },
        `the text grows to ${Math.round(text.length / 1024)} KiB once its {{…}} are filled in; a section may be at most ${MAX_EXPANDED / 1024} KiB`,
        'a table of thousands of rows does not belong in a letter: summarise the data, or show it with {{grafiek …}}',
      );
    }
    return text;
  } catch (err) {
    throw templateError(err, source.file, source.bodyLine - 1, source.body);
  }
}
