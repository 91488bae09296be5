import { readText } from '../parse/read-text.js';
import type { LetterModel } from '../model/build-letter-model.js';
import { styleElementText } from './css-escape.js';
import { generatedCss } from './generated-css.js';
import { templateFile } from './load-templates.js';
import type { RenderedParts } from './render-parts.js';

/** One output document: its file name and what the layout shows in it. */
export interface DocumentSpec {
  name: string;
  title: string;
  context: (fontFamily: string) => Record<string, unknown>;
  /** Indices into the letter's bijlagen shown in this document. */
  bijlagen: number[];
}

interface Deel {
  suffix: string;
  voorblad: boolean;
  brief: boolean;
  /** Indices into the letter's bijlagen. */
  bijlagen: number[];
}

/**
 * The documents a letter is printed as. Unsplit: one, with the cover letter (if any),
 * the letter and all bijlagen. Split: `<naam>-eerste-kamer`, `<naam>` and
 * `<naam>-bijlage-<n>`, each paginated on its own; the parts were rendered once, so
 * footnote numbers run on from one document into the next.
 */
export function composeDocuments(model: LetterModel, parts: RenderedParts, split: boolean): DocumentSpec[] {
  const naam = model.meta.uitvoer.naam;
  const alle = parts.bijlagen.map((_, i) => i);
  const heeftVoorblad = parts.voorblad !== undefined;
  const delen: Deel[] = split
    ? [
        ...(heeftVoorblad ? [{ suffix: '-eerste-kamer', voorblad: true, brief: false, bijlagen: [] }] : []),
        { suffix: '', voorblad: false, brief: true, bijlagen: [] },
        ...alle.map((i) => ({ suffix: `-bijlage-${i + 1}`, voorblad: false, brief: false, bijlagen: [i] })),
      ]
    : [{ suffix: '', voorblad: heeftVoorblad, brief: true, bijlagen: alle }];
  const printLayout = model.meta.type === 'kamerstuk' || model.meta.type === 'eerste-kamer';
  // Project stylesheets are inputs like any other: size-checked and decoded with diagnostics.
  const css = [readText(templateFile(model.project.templates, 'style.css'), 'template')];
  if (printLayout || heeftVoorblad) css.push(readText(templateFile(model.project.templates, 'kamerstuk.css'), 'template'));
  const rapport = model.meta.type === 'rapport';
  if (rapport || parts.bijlagen.some((b) => b.source.meta.opmaak === 'rapport')) {
    css.push(readText(templateFile(model.project.templates, 'rapport.css'), 'template'));
  }

  return delen.map((deel) => ({
    name: `${naam}${deel.suffix}`,
    title: deel.brief || deel.voorblad ? model.meta.betreft : `Bijlage ${deel.bijlagen[0]! + 1} bij ${model.meta.betreft}`,
    context: (fontFamily) => ({
      toon_brief: deel.brief,
      toon_voorblad: deel.voorblad,
      toon_hoofddeel: deel.brief || deel.bijlagen.length > 0,
      stijl: styleElementText([
        ...css,
        generatedCss({
          bijlagen: deel.bijlagen.map((i) => i + 1),
          fontFamily,
          zonderBriefhoofd: !deel.brief || deel.voorblad || printLayout || rapport,
          losseBijlage: !deel.brief && !deel.voorblad,
          rapport,
          nieuwePagina: model.meta.hoofdstuk_nieuwe_pagina,
        }),
      ].join('\n')),
    }),
    bijlagen: deel.bijlagen,
  }));
}
