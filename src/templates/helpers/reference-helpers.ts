import type Handlebars from 'handlebars';
import type { HelperContext } from '../helper-context.js';
import { helperError } from '../helper-context.js';

type HelperOptions = Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } };

/**
 * {{verwijzing "label"}}: "tabel 3", "figuur 2", "paragraaf II.1.2", as a link to it;
 * `pagina=true` adds "op pagina 12" once the pages are known, `hoofdletter=true` starts
 * with a capital. The target may come later in the document, so the number is filled
 * in after all parts have been rendered (src/numbering/reference-list.ts).
 */
export function registerReferenceHelpers(hb: typeof Handlebars, ctx: HelperContext): void {
  hb.registerHelper('verwijzing', function (this: unknown, ...all: unknown[]) {
    const options = all.pop() as HelperOptions;
    const [label] = all;
    if (typeof label !== 'string' || !label) {
      throw helperError(ctx, options, 'verwijzing needs the label of a heading, table or figure', 'write {{verwijzing "label"}}, with the label in quotes');
    }
    if (!ctx.references) return '';
    const loc = options.loc?.start;
    const token = ctx.references.add({
      label,
      pagina: options.hash?.pagina === true,
      hoofdletter: options.hash?.hoofdletter === true,
      position: { file: ctx.current.file, line: (loc?.line ?? 1) + ctx.current.lineOffset, column: (loc?.column ?? 0) + 1 },
    });
    return new hb.SafeString(token);
  });
}
