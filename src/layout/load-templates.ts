import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../parse/decode-text.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { HandlebarsEnv } from '../templates/create-handlebars.js';
import { templateError } from '../templates/template-error.js';

export const BUILTIN_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');

/** A file from the project's templates/ folder if it has one by that name, else the built-in one. */
export function templateFile(projectTemplates: string | undefined, name: string): string {
  const own = projectTemplates ? path.join(projectTemplates, name) : undefined;
  return own && existsSync(own) ? own : path.join(BUILTIN_TEMPLATES, name);
}

export type CompiledLayout = (context: Record<string, unknown>) => string;

/**
 * Registers every partial (built-in, then the project's by the same name over it) and
 * compiles the page layout. Errors, also those raised while rendering, name the
 * template file they come from.
 */
export function loadLayout(hb: HandlebarsEnv, projectTemplates: string | undefined): CompiledLayout {
  const partialFiles = new Map<string, string>();
  for (const dir of [path.join(BUILTIN_TEMPLATES, 'partials'), projectTemplates && path.join(projectTemplates, 'partials')]) {
    if (!dir || !existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.hbs')).sort()) {
      partialFiles.set(path.basename(name, '.hbs'), path.join(dir, name));
    }
  }
  for (const [name, file] of partialFiles) {
    const source = decodeText(readFileSync(file), file);
    try {
      hb.parse(source);
    } catch (err) {
      throw templateError(err, file, 0, source);
    }
    // Wrapping each partial lets a runtime error be traced to its own file.
    const compiled = hb.compile(source, { strict: true });
    hb.registerPartial(name, (ctx: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return compiled(ctx, options);
      } catch (err) {
        throw templateError(err, file, 0, source);
      }
    });
  }
  const layoutFile = templateFile(projectTemplates, 'brief.hbs');
  const source = decodeText(readFileSync(layoutFile), layoutFile);
  let layout: HandlebarsTemplateDelegate;
  try {
    hb.parse(source);
    layout = hb.compile(source, { strict: true });
  } catch (err) {
    throw templateError(err, layoutFile, 0, source);
  }
  return (context) => {
    try {
      return layout(context);
    } catch (err) {
      throw templateError(err, layoutFile, 0, source);
    }
  };
}
