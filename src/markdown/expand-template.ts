import { inputError, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { PositionMap } from '../diagnostics/position-map.js';
import { LIMITS } from '../project/limits.js';
import type { HandlebarsEnv } from '../templates/create-handlebars.js';
import { templateError } from '../templates/template-error.js';
import { checkHelperParams } from '../templates/check-helper-params.js';
import { refusePrototypePaths } from '../templates/refuse-prototype-paths.js';
import { WorkBudget } from '../templates/work-budget.js';
import { canInstrument, instrumentTemplate, removeMarkers } from '../templates/instrument-template.js';
import type { SectionSource } from '../model/build-letter-model.js';

/** Markdown parsing slows down fast with size (a 1 MB table takes remark some 20 s). */
const MAX_EXPANDED = LIMITS.markdown * 2;

/** A Markdown body with its {{…}} filled in, and the way back to where the author wrote each part. */
export interface ExpandedText {
  text: string;
  map: PositionMap;
  /**
   * Mistakes found before rendering (unknown names and options, unquoted dates). The
   * text is still rendered, so that the section's other mistakes are found too.
   */
  mistakes: Diagnostic[];
}

/**
 * Runs a Markdown body through Handlebars before it is parsed as Markdown, so data
 * can produce prose and table rows. Strict mode makes an unknown name an error. Every
 * mistake that can be found before rendering (unknown names, options, literal types)
 * is reported together.
 */
export function expandTemplate(hb: HandlebarsEnv, source: SectionSource, data: Record<string, unknown>): ExpandedText {
  if (!source.body.includes('{{')) return { text: source.body, map: PositionMap.identity(source.file, source.body, source.bodyLine), mistakes: [] };
  try {
    // Parsed once, for the checks and for the compiler.
    const ast = hb.parse(source.body);
    refusePrototypePaths(ast, source.file, source.bodyLine - 1);
    const mistakes = checkHelperParams(hb, ast, data, source.file, source.bodyLine - 1);
    const instrumented = canInstrument(source.body, data) ? instrumentTemplate(ast, source.body) : undefined;
    let rendered: string;
    try {
      // With names already reported, strict mode would stop at the first of them; without it the
      // text renders on (an unknown name as empty), so the section's other mistakes are found too.
      const budget = new WorkBudget(hb, source.file, source.bodyLine - 1);
      rendered = hb.compile(ast, { strict: mistakes.length === 0 })(data, budget.runtimeOptions());
    } catch (err) {
      if (mistakes.length) throw new InputError(mistakes);
      throw err;
    }
    const { text, segments } = instrumented ? removeMarkers(rendered, instrumented) : { text: rendered, segments: [] };
    if (text.length > MAX_EXPANDED) {
      throw inputError(
        { file: source.file, line: source.bodyLine, column: 1 },
        `the text grows to ${Math.round(text.length / 1024)} KiB once its {{…}} are filled in; a section may be at most ${MAX_EXPANDED / 1024} KiB`,
        'a table of thousands of rows does not belong in a letter: summarise the data, or show it with {{grafiek …}}',
        'expanded-too-large',
      );
    }
    const map = instrumented
      ? new PositionMap(source.file, source.body, source.bodyLine, segments, text.length)
      : PositionMap.identity(source.file, source.body, source.bodyLine);
    return { text, map, mistakes };
  } catch (err) {
    throw templateError(err, source.file, source.bodyLine - 1, source.body);
  }
}
