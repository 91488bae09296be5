import { inputError } from '../diagnostics/diagnostic.js';
import type { HandlebarsEnv } from './create-handlebars.js';

/** How much work one Markdown file's {{…}} may do. A real letter stays far below each. */
export const WORK_LIMITS: Limits = {
  /** Text produced, counted while it is produced (512 KiB, the README's limit on a section). */
  output: 512 * 1024,
  /** Helper calls and block repetitions together: a table of 20,000 rows with a few helpers a row. */
  calls: 100_000,
  /** Blocks inside blocks: {{#each}} in {{#each}} in … */
  depth: 16,
};

/** A layout holds the whole letter: its text may be as long as all the Markdown, rendered. */
export const LAYOUT_LIMITS: Limits = { output: 16 * 1024 * 1024, calls: 200_000, depth: 64 };

interface Limits {
  output: number;
  calls: number;
  depth: number;
}

type HelperOptions = Handlebars.HelperOptions & { loc?: hbs.AST.SourceLocation; fn?: Handlebars.TemplateDelegate; inverse?: Handlebars.TemplateDelegate };
type Helper = (...args: unknown[]) => unknown;

/**
 * A budget for one template expansion, enforced while it runs: every helper and every
 * repetition of a block ({{#each}}, {{#with}}, a partial) is counted, and the text
 * each produces is added up as it comes, so a nested {{#each}} over a large CSV or
 * partials that multiply stop within milliseconds with a diagnostic at the construct,
 * instead of running for minutes. Pass `runtimeOptions()` to the compiled template.
 */
export class WorkBudget {
  private calls = 0;
  private depth = 0;
  /** Text produced per open block, innermost last; the sum is the text so far. */
  private readonly frames: number[] = [0];

  constructor(
    private readonly hb: HandlebarsEnv,
    private file: string,
    private lineOffset: number,
    private readonly limits: Limits = WORK_LIMITS,
  ) {}

  /** Runs `work` (a partial's own template) with positions in errors taken from `file`. */
  within<T>(file: string, lineOffset: number, work: () => T): T {
    const outer = [this.file, this.lineOffset] as const;
    this.file = file;
    this.lineOffset = lineOffset;
    try {
      return work();
    } finally {
      [this.file, this.lineOffset] = outer;
    }
  }

  runtimeOptions(): Handlebars.RuntimeOptions {
    const helpers: Record<string, Helper> = {};
    for (const [name, helper] of Object.entries(this.hb.helpers)) helpers[name] = this.wrapHelper(name, helper as Helper);
    const partials: Record<string, Handlebars.Template> = {};
    for (const [name, partial] of Object.entries(this.hb.partials)) {
      if (typeof partial === 'function') partials[name] = this.wrapPartial(name, partial as Handlebars.TemplateDelegate);
    }
    return { helpers, partials } as Handlebars.RuntimeOptions;
  }

  private wrapHelper(name: string, helper: Helper): Helper {
    const count = (loc: hbs.AST.SourceLocation | undefined) => this.count(name, loc);
    const block = (fn: Handlebars.TemplateDelegate, loc: hbs.AST.SourceLocation | undefined) => this.wrapBlock(name, fn, loc);
    const produced = (result: unknown, loc: hbs.AST.SourceLocation | undefined) => this.produced(result, name, loc);
    // A function, not an arrow: helpers are called with the template's context as `this`.
    return function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as HelperOptions | undefined;
      count(options?.loc);
      if (options && typeof options.fn === 'function') {
        const fn = options.fn;
        const inverse = options.inverse;
        const wrapped = { ...options, fn: block(fn, options.loc) } as HelperOptions;
        if (typeof inverse === 'function') wrapped.inverse = block(inverse, options.loc);
        args[args.length - 1] = wrapped;
      }
      const result = helper.apply(this, args);
      produced(result, options?.loc);
      return result;
    };
  }

  private wrapBlock(name: string, fn: Handlebars.TemplateDelegate, loc: hbs.AST.SourceLocation | undefined, block = true): Handlebars.TemplateDelegate {
    return (context: unknown, options?: Handlebars.RuntimeOptions) => {
      this.count(name, loc);
      // Partials have a depth limit of their own (load-templates.ts), with a better message.
      const depth = block ? ++this.depth : this.depth;
      if (depth > this.limits.depth) {
        this.fail(loc, `blocks are nested more than ${this.limits.depth} deep here ({{#${name}}})`, 'flatten the data, or move the inner loop into its own table');
      }
      this.frames.push(0);
      let text: string;
      try {
        text = fn(context, options);
      } finally {
        this.frames.pop();
        if (block) this.depth--;
      }
      this.produced(text, name, loc);
      return text;
    };
  }

  private wrapPartial(name: string, partial: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate {
    return this.wrapBlock(`> ${name}`, partial, undefined, false);
  }

  private count(name: string, loc: hbs.AST.SourceLocation | undefined): void {
    if (++this.calls <= this.limits.calls) return;
    this.fail(
      loc,
      `the {{…}} of this file do more than ${this.limits.calls.toLocaleString('en')} steps (at {{${name.startsWith('>') ? name : `#${name}`}}})`,
      'a loop over a large data file, or loops inside loops, do not belong in a letter: summarise the data, or show it with {{grafiek …}}',
    );
  }

  private produced(result: unknown, name: string, loc: hbs.AST.SourceLocation | undefined): void {
    const length = typeof result === 'string' ? result.length : result && typeof result === 'object' && 'toHTML' in result ? String(result).length : 0;
    const frame = this.frames.length - 1;
    this.frames[frame] = (this.frames[frame] ?? 0) + length;
    const total = this.frames.reduce((a, b) => a + b, 0);
    if (total <= this.limits.output) return;
    this.fail(
      loc,
      `the text grows past ${this.limits.output / 1024} KiB while its {{…}} are filled in (at {{${name}}}); a section may be at most ${this.limits.output / 1024} KiB`,
      'a table of thousands of rows does not belong in a letter: summarise the data, or show it with {{grafiek …}}',
    );
  }

  private fail(loc: hbs.AST.SourceLocation | undefined, message: string, hint: string): never {
    const where = loc ? { file: this.file, line: loc.start.line + this.lineOffset, column: loc.start.column + 1 } : { file: this.file, line: this.lineOffset + 1, column: 1 };
    throw inputError(where, message, hint);
  }
}
