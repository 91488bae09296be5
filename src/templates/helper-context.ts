import { inputError, type InputError } from '../diagnostics/diagnostic.js';
import type { AssetMap } from '../model/asset-map.js';
import type { Register } from '../records/load-register.js';
import type { ReferenceList } from '../numbering/reference-list.js';

/** Where helpers put footnotes: they return the call, the Markdown stage adds the note. */
export interface FootnoteSink {
  /** Returns the Markdown footnote call for `key`, whose text is `text`. */
  call(key: string, text: string): string;
}

export type CitationStyle = 'ministerie' | 'ar';

/**
 * What the data helpers need while a document is expanded. `current` and `phase`
 * change as the sections are expanded one after the other.
 */
export interface HelperContext {
  register: Register;
  /** The letter's date, YYYY-MM-DD: "jl." and vergaderjaren are relative to it. */
  datum: string;
  stijl: CitationStyle;
  footnotes: FootnoteSink;
  assets: AssetMap;
  data: Record<string, unknown>;
  /** Ids referred to in the letter itself and in its bijlagen. */
  referenced: { brief: Set<string>; bijlage: Set<string> };
  phase: 'brief' | 'bijlage';
  current: { file: string; lineOffset: number };
  /** {{verwijzing}}: references resolved once every part is rendered. */
  references?: ReferenceList;
}

interface Loc {
  start: { line: number; column: number };
}

/** An author's mistake inside a helper call, reported at the call. */
export function helperError(ctx: HelperContext, options: { loc?: Loc }, message: string, hint: string): InputError {
  const loc = options.loc?.start;
  return inputError(
    { file: ctx.current.file, line: (loc?.line ?? 1) + ctx.current.lineOffset, column: (loc?.column ?? 0) + 1 },
    message,
    hint,
  );
}
