import { InputError, inputError, type Diagnostic, type SourcePosition } from '../diagnostics/diagnostic.js';
import type { AssetMap } from '../model/asset-map.js';
import type { Huisstijl } from '../records/format-citation.js';
import type { Register } from '../records/load-register.js';
import type { ReferenceList } from '../numbering/reference-list.js';

/** Where helpers put footnotes: they return the call, the Markdown stage adds the note. */
export interface FootnoteSink {
  /** Returns the Markdown footnote call for `key`, whose text is `text`. */
  call(key: string, text: string): string;
}

/**
 * What the data helpers need while a document is expanded. `current` and `phase`
 * change as the sections are expanded one after the other.
 */
export interface HelperContext {
  register: Register;
  /** The letter's date, YYYY-MM-DD: "jl." and vergaderjaren are relative to it. */
  datum: string;
  huisstijl: Huisstijl;
  footnotes: FootnoteSink;
  assets: AssetMap;
  data: Record<string, unknown>;
  /** Ids referred to in the letter itself and in its bijlagen. */
  referenced: { brief: Set<string>; bijlage: Set<string> };
  /** Ids of the bronnen cited anywhere, in a note or in the text. */
  cited: Set<string>;
  phase: 'brief' | 'bijlage';
  current: { file: string; lineOffset: number };
  /**
   * When set, a helper's mistake is collected here and the helper writes nothing, so
   * that one run reports every mistake of a section instead of the first.
   */
  errors?: Diagnostic[];
  /** {{verwijzing}}: references resolved once every part is rendered. */
  references?: ReferenceList;
}

export interface Loc {
  start: { line: number; column: number };
  end?: { line: number; column: number };
}

/** Where a helper call is written in the author's file, start to end. */
export function helperPosition(ctx: HelperContext, options: { loc?: Loc }): SourcePosition {
  const loc = options.loc;
  const off = ctx.current.lineOffset;
  // Handlebars gives every call a loc; without one, the section's first line is the place.
  if (!loc) return { file: ctx.current.file, line: off + 1, column: 1 };
  return {
    file: ctx.current.file,
    line: loc.start.line + off,
    column: loc.start.column + 1,
    ...(loc.end ? { end: { line: loc.end.line + off, column: loc.end.column + 1 } } : {}),
  };
}

/** An author's mistake inside a helper call, reported at the call. */
export function helperError(ctx: HelperContext, options: { loc?: Loc }, message: string, hint: string, rule = 'helper'): InputError {
  return inputError(helperPosition(ctx, options), message, hint, rule);
}

/** Runs a helper; with a collecting context, its mistake is kept and it writes nothing. */
export function collecting<T>(ctx: HelperContext | undefined, run: () => T): T | string {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof InputError) || !ctx?.errors) throw err;
    ctx.errors.push(...err.diagnostics);
    return '';
  }
}
