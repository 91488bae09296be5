import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LetterModel, SectionSource } from '../model/build-letter-model.js';
import type { RenderedSection } from '../markdown/render-markdown.js';
import { renderParts } from './render-parts.js';
import { formatDatum } from '../format/format-datum.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { AssetMap } from '../model/asset-map.js';
import { fontFaces } from './font-faces.js';
import { generatedCss } from './generated-css.js';
import { loadLayout, templateFile } from './load-templates.js';
import { unusedDataWarnings } from './unused-data.js';

const require = createRequire(import.meta.url);

/** A complete HTML document and the files it loads, ready for the browser. */
export interface RenderedDocument {
  /** Base name of the output files, e.g. "brief" for brief.pdf and brief.html. */
  name: string;
  title: string;
  author: string;
  /** The letter's date, YYYY-MM-DD: the default timestamp of the PDF. */
  datum: string;
  html: string;
  assets: AssetMap;
  footnotes: number;
  warnings: Diagnostic[];
}

export function renderDocument(model: LetterModel): RenderedDocument {
  const warnings: Diagnostic[] = [];
  const assets = new AssetMap();
  const parts = renderParts(model, assets, warnings);
  const inleiding = parts.inleiding;
  const secties = parts.secties.map((s, i) => ({
    ...sectionContext(s.source, s),
    id: `sectie-${i + 1}`,
    nummer: model.meta.nummering ? String(i + 1) : null,
  }));
  const bijlagen = parts.bijlagen.map((s, i) => ({
    ...sectionContext(s.source, s),
    id: `bijlage-${i + 1}`,
    nummer: i + 1,
    inhoudsopgave: s.source.meta.inhoudsopgave && s.headings.length ? s.headings : null,
  }));

  const fonts = fontFaces(model.fonts, assets);
  const stijl = [
    readFileSync(templateFile(model.project.templates, 'style.css'), 'utf8'),
    generatedCss(parts.footnotes, bijlagen.length, fonts.family),
  ].join('\n');
  const context = {
    ...model.data,
    datum_tekst: formatDatum(model.meta.datum),
    bijlagen_aantal: bijlagen.length,
    inleiding,
    secties,
    bijlagen,
    lettertypen: fonts.css,
    stijl,
    logo_url: logoUrl(model, assets),
    scripts: registerScripts(assets),
  };
  const html = loadLayout(parts.hb, model.project.templates)(context);
  warnings.push(...unusedDataWarnings(model));
  return {
    name: model.meta.uitvoer.naam,
    title: model.meta.betreft,
    author: model.meta.afzender.organisatie,
    datum: model.meta.datum,
    html,
    assets,
    footnotes: parts.footnotes,
    warnings,
  };
}

function sectionContext(source: SectionSource, rendered: RenderedSection) {
  return { titel: source.meta.titel, html: rendered.html, headings: rendered.headings };
}

function logoUrl(model: LetterModel, assets: AssetMap): string {
  const file = model.logo ?? templateFile(model.project.templates, 'assets/logo-placeholder.svg');
  return assets.add(file, `logo${path.extname(file)}`);
}

function registerScripts(assets: AssetMap): { runner: string; paged: string } {
  return {
    runner: assets.add(path.join(PACKAGE_ROOT, 'src/layout/browser/paged-runner.js'), 'paged-runner.js'),
    // pagedjs's "exports" hide dist/; its CommonJS entry (lib/index.cjs) is one folder below the package root.
    paged: assets.add(path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js'), 'paged.polyfill.js'),
  };
}
