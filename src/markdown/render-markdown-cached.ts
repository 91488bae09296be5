import type { Memo } from '../cache/memo.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CounterProgress, FootnoteCounter } from './footnote-counter.js';
import { renderMarkdown, type MarkdownInput, type RenderedSection } from './render-markdown.js';

/** A rendered part with everything its render did besides returning HTML. */
export interface CachedMarkdown {
  section: RenderedSection;
  counter: CounterProgress;
  /** Images the part registered, [url, file]. */
  assets: [string, string][];
  warnings: Diagnostic[];
}

/**
 * renderMarkdown, or its earlier result when nothing it depends on has changed: the
 * expanded text, where it sits, the footnote numbering so far and the assets. The
 * render's effects on the counter, the asset map and the warnings are replayed.
 */
export function renderMarkdownCached(
  input: MarkdownInput,
  counter: FootnoteCounter,
  warnings: Diagnostic[],
  memo: Memo<CachedMarkdown> | undefined,
): RenderedSection {
  if (!memo) return renderMarkdown(input, counter, warnings);
  const key = [
    input.file,
    input.text,
    String(input.bodyLine),
    input.idPrefix,
    String(input.letters),
    input.vragen ?? '',
    input.aanhalingstekens ?? '',
    String(input.afbreken ?? false),
    input.projectRoot,
    counter.state(),
    input.assets.state(),
  ];
  let fresh = false;
  const cached = memo.get(key, () => {
    fresh = true;
    const before = new Set(input.assets.urls());
    const own: Diagnostic[] = [];
    const section = renderMarkdown(input, counter, own);
    return {
      section,
      counter: counter.progress(),
      assets: input.assets.entries().filter(([url]) => !before.has(url)),
      warnings: own,
    };
  });
  if (!fresh) {
    counter.advance(cached.counter);
    input.assets.restoreFiles(cached.assets);
  }
  warnings.push(...cached.warnings);
  return cached.section;
}
