import { entryExists } from '../project/entry-exists.js';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { inputError } from '../diagnostics/diagnostic.js';
import { readText } from '../parse/read-text.js';
import { BUILTIN_TEMPLATES } from '../package-root.js';
import { refuseLinkOutside } from '../project/resolve-inside.js';
import type { HandlebarsEnv } from '../templates/create-handlebars.js';
import { refusePrototypePaths } from '../templates/refuse-prototype-paths.js';
import { LAYOUT_LIMITS, WorkBudget } from '../templates/work-budget.js';
import { templateError } from '../templates/template-error.js';
import { precompiledTemplate } from '../templates/precompiled-templates.js';
import { partialCalls, unconditionalCycle, type PartialCall } from '../templates/template-source.js';

export { BUILTIN_TEMPLATES };

/**
 * Partials that include each other through {{#if}} or {{#each}} may end, so they are
 * allowed, but not deeper than this: far more than any layout needs, and far less
 * than the stack overflow that would otherwise end the build.
 */
export const MAX_PARTIAL_DEPTH = 50;

/**
 * A file from the project's templates/ folder if it has one by that name, else the
 * built-in one. A project file that is a symlink out of the project is refused.
 */
export function templateFile(projectTemplates: string | undefined, name: string): string {
  const own = projectTemplates ? path.join(projectTemplates, name) : undefined;
  if (!own || !entryExists(own)) return path.join(BUILTIN_TEMPLATES, name);
  refuseLinkOutside(path.dirname(projectTemplates!), own);
  return own;
}

export type CompiledLayout = (context: Record<string, unknown>) => string;

/**
 * Registers every partial (built-in, then the project's by the same name over it) and
 * compiles the page layout. Errors, also those raised while rendering, name the
 * template file they come from.
 */
export function loadLayout(hb: HandlebarsEnv, projectTemplates: string | undefined, layoutName = 'brief.hbs'): CompiledLayout {
  const partials = new Map<string, { file: string; source: string; compiled: HandlebarsTemplateDelegate; calls: PartialCall[] }>();
  for (const [name, file] of partialFiles(projectTemplates)) {
    const source = readText(file, 'template');
    const built = precompiledTemplate(hb, file, source);
    if (built) {
      partials.set(name, { file, source, compiled: built.template, calls: built.calls });
      continue;
    }
    let ast: hbs.AST.Program;
    try {
      ast = hb.parse(source);
      refusePrototypePaths(ast, file, 0);
    } catch (err) {
      throw templateError(err, file, 0, source);
    }
    // Compiled from the tree parsed here: from the source, Handlebars would parse it again.
    partials.set(name, { file, source, compiled: hb.compile(ast, { strict: true }), calls: partialCalls(ast) });
  }
  refuseCycles(partials);
  const stack: string[] = [];
  // The budget of the render in progress; partials count against it too.
  let budget: WorkBudget | undefined;
  for (const [name, { file, source, compiled }] of partials) {
    // Wrapping each partial lets a runtime error be traced to its own file.
    hb.registerPartial(name, (ctx: unknown, options?: Handlebars.RuntimeOptions) => {
      if (stack.length >= MAX_PARTIAL_DEPTH) throw tooDeep(stack, name, partials);
      stack.push(name);
      try {
        return budget ? budget.within(file, 0, () => compiled(ctx, options)) : compiled(ctx, options);
      } catch (err) {
        throw templateError(err, file, 0, source);
      } finally {
        stack.pop();
      }
    });
  }
  const layoutFile = templateFile(projectTemplates, layoutName);
  const source = readText(layoutFile, 'template');
  let layout: HandlebarsTemplateDelegate;
  try {
    layout = precompiledTemplate(hb, layoutFile, source)?.template ?? compileChecked(hb, source, layoutFile);
  } catch (err) {
    throw templateError(err, layoutFile, 0, source);
  }
  return (context) => {
    budget = new WorkBudget(hb, layoutFile, 0, LAYOUT_LIMITS);
    try {
      return layout(context, budget.runtimeOptions());
    } catch (err) {
      throw templateError(err, layoutFile, 0, source);
    } finally {
      stack.length = 0;
      budget = undefined;
    }
  };
}

function compileChecked(hb: HandlebarsEnv, source: string, file: string): HandlebarsTemplateDelegate {
  const ast = hb.parse(source);
  refusePrototypePaths(ast, file, 0);
  return hb.compile(ast, { strict: true });
}

function partialFiles(projectTemplates: string | undefined): Map<string, string> {
  const files = new Map<string, string>();
  const own = projectTemplates && path.join(projectTemplates, 'partials');
  if (own && entryExists(own)) refuseLinkOutside(path.dirname(projectTemplates), own);
  for (const dir of [path.join(BUILTIN_TEMPLATES, 'partials'), own]) {
    if (!dir || !existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.hbs')).sort()) {
      const file = path.join(dir, name);
      if (dir === own) refuseLinkOutside(path.dirname(projectTemplates!), file);
      files.set(path.basename(name, '.hbs'), file);
    }
  }
  return files;
}

/**
 * A partial that always includes itself never ends: refused at a {{> …}} of the
 * cycle, in the project's own file (built-in partials alone never form one).
 */
function refuseCycles(partials: Map<string, { file: string; calls: PartialCall[] }>): void {
  const cycle = unconditionalCycle(new Map([...partials].map(([name, p]) => [name, p.calls])));
  if (!cycle?.length) return;
  const own = (c: { from: string }) => !partials.get(c.from)?.file.startsWith(BUILTIN_TEMPLATES + path.sep);
  const at = Math.max(0, cycle.findLastIndex(own));
  const ordered = [...cycle.slice(at), ...cycle.slice(0, at)];
  const edge = ordered[0]!;
  const chain = [edge.from, ...ordered.map((c) => c.call.name)].join(' → ');
  throw inputError(
    { file: partials.get(edge.from)!.file, line: edge.call.line, column: edge.call.column },
    `partial "${edge.from}" includes ${cycle.length === 1 ? 'itself' : 'itself through other partials'} (${chain}), which never ends`,
    `remove {{> ${edge.call.name}}} here, or put it inside an {{#if}} that becomes false`,
  );
}

/** Reported at the {{> callee}} in the partial that was about to include it once too often. */
function tooDeep(stack: string[], callee: string, partials: Map<string, { file: string; calls: PartialCall[] }>) {
  const caller = partials.get(stack[stack.length - 1] ?? '');
  const call = caller?.calls.find((c) => c.name === callee);
  return inputError(
    { file: caller?.file ?? callee, line: call?.line ?? 1, column: call?.column ?? 1 },
    `partials include each other more than ${MAX_PARTIAL_DEPTH} levels deep (${[...stack.slice(-3), callee].join(' → ')} → …)`,
    'a partial that includes itself needs a condition that ends it, e.g. {{#if kinderen}}…{{/if}}',
  );
}

