import { realpathSync, statSync } from 'node:fs';
import type { Codec, Memo } from '../cache/memo.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CounterProgress, FootnoteCounter } from './footnote-counter.js';
import { renderMarkdown, type MarkdownInput, type RenderedSection } from './render-markdown.js';
import { knownCitationsState } from '../records/known-citations.js';

/** A rendered part with everything its render did besides returning HTML. */
export interface CachedMarkdown {
  section: RenderedSection;
  counter: CounterProgress;
  /** The part's heading and caption counts after this render. */
  numbering: string | undefined;
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
    input.map.signature(),
    input.idPrefix,
    input.numbering?.state() ?? '',
    input.vragen ?? '',
    input.aanhalingstekens ?? '',
    String(input.afbreken ?? false),
    String(input.sourceMarks ?? false),
    input.huisstijl ? `${input.huisstijl.citatiestijl} ${input.huisstijl.dossiernotatie}` : '',
    knownCitationsState(input.knownCitations),
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
      numbering: input.numbering?.state(),
      assets: input.assets.entries().filter(([url]) => !before.has(url)),
      warnings: own,
    };
  });
  if (!fresh) {
    counter.advance(cached.counter);
    if (input.numbering && cached.numbering) input.numbering.restore(cached.numbering);
    input.assets.restoreFiles(cached.assets);
  }
  warnings.push(...cached.warnings);
  return cached.section;
}

/** Enough to tell that an image file a cached render registered is still the same file. */
function fingerprint(file: string): string | undefined {
  try {
    const s = statSync(file);
    return `${realpathSync(file)}\0${s.size}\0${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * The parse cache's form of a rendered part. Its key covers its text and everything
 * before it, but not the image files it found on disk: a render read back whose images
 * have gone, moved or changed is rendered again, so the author gets the same
 * diagnostic a fresh run gives.
 */
export const MARKDOWN_CODEC: Codec<CachedMarkdown> = {
  encode: (value) => ({ value, files: value.assets.map(([, file]) => fingerprint(file) ?? '') }),
  decode(data) {
    const { value, files } = data as { value: CachedMarkdown; files: string[] };
    if (typeof value?.section?.html !== 'string' || !Array.isArray(files)) return undefined;
    return value.assets.every(([, file], i) => files[i] !== '' && fingerprint(file) === files[i]) ? value : undefined;
  },
};
