import type { HandlebarsEnv } from '../templates/create-handlebars.js';
import { templateError } from '../templates/template-error.js';
import { checkHelperParams } from '../templates/check-helper-params.js';
import type { SectionSource } from '../model/build-letter-model.js';

/**
 * Runs a Markdown body through Handlebars before it is parsed as Markdown, so data
 * can produce prose and table rows. Strict mode makes an unknown name an error.
 */
export function expandTemplate(hb: HandlebarsEnv, source: SectionSource, data: Record<string, unknown>): string {
  if (!source.body.includes('{{')) return source.body;
  try {
    checkHelperParams(hb, source.body, data, source.file, source.bodyLine - 1);
    return hb.compile(source.body, { strict: true })(data);
  } catch (err) {
    throw templateError(err, source.file, source.bodyLine - 1, source.body);
  }
}
