import { inputError, InputError } from '../diagnostics/diagnostic.js';
import { PositionMap } from '../diagnostics/position-map.js';
import { LIMITS } from '../project/limits.js';
import type { HandlebarsEnv } from '../templates/create-handlebars.js';
import { templateError } from '../templates/template-error.js';
import { checkHelperParams } from '../templates/check-helper-params.js';
import { canInstrument, instrumentTemplate, removeMarkers } from '../templates/instrument-template.js';
import type { SectionSource } from '../model/build-letter-model.js';

/** Markdown parsing slows down fast with size (a 1 MB table takes remark some 20 s). */
const MAX_EXPANDED = LIMITS.markdown * 2;

/** A Markdown body with its {{…}} filled in, and the way back to where the author wrote each part. */
export interface ExpandedText {
  text: string;
  map: PositionMap;
}

/**
 * Runs a Markdown body through Handlebars before it is parsed as Markdown, so data
 * can produce prose and table rows. Strict mode makes an unknown name an error. Every
 * mistake that can be found before rendering (unknown names, options, literal types)
 * is reported together.
 */
export function expandTemplate(hb: HandlebarsEnv, source: SectionSource, data: Record<string, unknown>): ExpandedText {
  if (!source.body.includes('{{')) return { text: source.body, map: PositionMap.identity(source.file, source.body, source.bodyLine) };
  try {
    // Parsed once, for the checks and for the compiler.
    const ast = hb.parse(source.body);
    const mistakes = checkHelperParams(hb, ast, data, source.file, source.bodyLine - 1);
    if (mistakes.length) throw new InputError(mistakes);
    const mapped = canInstrument(source.body);
    const instrumented = mapped ? instrumentTemplate(ast, source.body) : undefined;
    const rendered = hb.compile(ast, { strict: true })(data);
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
    return { text, map };
  } catch (err) {
    throw templateError(err, source.file, source.bodyLine - 1, source.body);
  }
}
