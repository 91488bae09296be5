import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LetterModel } from '../model/build-letter-model.js';
import { AssetMap } from '../model/asset-map.js';
import type { Memo } from '../cache/memo.js';
import type { CachedMarkdown } from '../markdown/render-markdown-cached.js';
import { renderParts } from './render-parts.js';
import { composeDocuments, type DocumentSpec } from './compose-documents.js';
import { letterContext } from './letter-context.js';
import { FALLBACK_FAMILIES, fontFaces } from './font-faces.js';
import { uncoveredCharacters } from './uncovered-characters.js';
import { loadLayout } from './load-templates.js';
import { unusedDataWarnings } from './unused-data.js';
import { collectSourceMarks, stripSourceMarks, type SourceMarks } from './source-marks.js';
import { nullObject } from '../model/null-prototype.js';

/** A complete HTML document and the files it loads, ready for the browser. */
export interface RenderedDocument {
  /** Base name of the output files, e.g. "brief" for brief.pdf and brief.html. */
  name: string;
  title: string;
  author: string;
  /** The letter's date, YYYY-MM-DD: the default timestamp of the PDF. */
  datum: string;
  /** The document as written to output/<naam>.html, without source marks. */
  html: string;
  /** The same with its source marks (source-marks.ts), as the browser is given it to paginate; default `html`. */
  pageHtml?: string;
  /** What the marks in `pageHtml` stand for; the mark "" is the document as a whole. */
  marks?: SourceMarks;
  assets: AssetMap;
  footnotes: number;
  warnings: Diagnostic[];
}

export interface RenderOptions {
  /** One document per part (letter, cover letter, each bijlage) instead of one. */
  split?: boolean;
  /** Markdown renders kept from an earlier build in this process (watch mode). */
  memo?: Memo<CachedMarkdown>;
}

/** The whole letter as one document. */
export function renderDocument(model: LetterModel): RenderedDocument {
  return renderDocuments(model, { split: false })[0]!;
}

/**
 * Renders the Markdown once, so that footnote numbers run on through every part, and
 * then composes one HTML document, or one per part when splitting. Each composed
 * document is paginated on its own, so each has its own "Pagina X van Y".
 */
export function renderDocuments(model: LetterModel, options: RenderOptions = {}): RenderedDocument[] {
  const warnings: Diagnostic[] = [];
  const assets = new AssetMap();
  const parts = renderParts(model, assets, warnings, options.memo);
  const fonts = fontFaces(model.fonts, assets);
  const base = letterContext(model, parts, assets, fonts.css);
  const printLayout = model.meta.type === 'kamerstuk' || model.meta.type === 'eerste-kamer';
  const layoutName = printLayout ? 'kamerstuk.hbs' : model.meta.type === 'rapport' ? 'rapport.hbs' : 'brief.hbs';
  const layout = loadLayout(parts.hb, model.project.templates, layoutName);
  const split = options.split ?? model.meta.uitvoer.splitsen;
  warnings.push(...unusedDataWarnings(model));
  const covers = fonts.covers;
  if (covers) warnings.push(...uncoveredCharacters([model.intro, ...model.secties, ...model.bijlagen], covers, [fonts.family, ...FALLBACK_FAMILIES].join(', ')));
  const marks = collectSourceMarks(model, parts);
  return composeDocuments(model, parts, split).map((spec: DocumentSpec, i) => {
    // No prototype at the top either, as in the data below it (src/model/null-prototype.ts).
    const pageHtml = layout(Object.assign(nullObject(), base, spec.context(fonts.family), { bijlagen: spec.bijlagen.map((b) => base.alle_bijlagen[b]) }));
    return {
      name: spec.name,
      title: spec.title,
      author: model.meta.afzender.organisatie,
      datum: model.meta.datum,
      html: stripSourceMarks(pageHtml),
      pageHtml,
      marks,
      assets,
      footnotes: parts.footnotes,
      // Warnings belong to the letter, not to each of its documents: report them once.
      warnings: i === 0 ? warnings : [],
    };
  });
}
