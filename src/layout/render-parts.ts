import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LetterModel, SectionSource } from '../model/build-letter-model.js';
import type { AssetMap } from '../model/asset-map.js';
import { expandTemplate } from '../markdown/expand-template.js';
import { FootnoteCounter } from '../markdown/footnote-counter.js';
import { renderMarkdown, type RenderedSection } from '../markdown/render-markdown.js';
import { formatCitation } from '../records/format-citation.js';
import { registerAppendixMarkdown } from '../records/register-appendix.js';
import { registerWarnings } from '../records/register-warnings.js';
import type { Bron } from '../records/source-schema.js';
import { createHandlebars, type HandlebarsEnv } from '../templates/create-handlebars.js';
import type { HelperContext } from '../templates/helper-context.js';
import { motieAsBron } from '../templates/helpers/register-helpers.js';

export interface RenderedParts {
  inleiding: RenderedSection;
  secties: (RenderedSection & { source: SectionSource })[];
  bijlagen: (RenderedSection & { source: SectionSource })[];
  footnotes: number;
  hb: HandlebarsEnv;
}

/**
 * Expands and renders the Markdown parts in reading order: the letter first, then
 * the bijlagen, because a register bijlage lists what the letter did not treat and
 * footnotes are numbered in order of calling.
 */
export function renderParts(model: LetterModel, assets: AssetMap, warnings: Diagnostic[]): RenderedParts {
  const counter = new FootnoteCounter(model.meta.voetnoten.herhaling);
  const ctx: HelperContext = {
    register: model.register,
    datum: model.meta.datum,
    stijl: model.meta.citatiestijl,
    footnotes: counter,
    assets,
    data: model.data,
    referenced: { brief: new Set(), bijlage: new Set() },
    phase: 'brief',
    current: { file: model.intro.file, lineOffset: 0 },
  };
  const hb = createHandlebars(ctx);
  const render = (source: SectionSource, idPrefix: string, letters: boolean): RenderedSection => {
    ctx.current = { file: source.file, lineOffset: source.bodyLine - 1 };
    let text = expandTemplate(hb, source, model.data);
    if (source.meta.register) text += `\n${appendix(source, ctx)}`;
    text += counter.takeDefinitions();
    return renderMarkdown(
      { file: source.file, text, bodyLine: source.bodyLine, idPrefix, letters, projectRoot: model.project.root, assets },
      counter,
      warnings,
    );
  };

  const inleiding = render(model.intro, 'inleiding', false);
  const secties = model.secties.map((s, i) => ({ ...render(s, `sectie-${i + 1}`, model.meta.nummering), source: s }));
  ctx.phase = 'bijlage';
  const bijlagen = model.bijlagen.map((s, i) => ({ ...render(s, `bijlage-${i + 1}`, true), source: s }));
  const treated = new Set([...ctx.referenced.brief, ...ctx.referenced.bijlage]);
  warnings.push(...registerWarnings(model.register, treated, model.meta.datum));
  return { inleiding, secties, bijlagen, footnotes: counter.count, hb };
}

function appendix(source: SectionSource, ctx: HelperContext): string {
  const bronnen = new Map(ctx.register.bronnen.map((b) => [b.id, b]));
  return registerAppendixMarkdown({
    config: source.meta.register!,
    moties: ctx.register.moties,
    toezeggingen: ctx.register.toezeggingen,
    referencedInLetter: ctx.referenced.brief,
    cite: (record) => {
      ctx.referenced.bijlage.add(record.id);
      const bron: Bron | undefined =
        record.soort === 'toezegging' ? (record.bron ? bronnen.get(record.bron) : undefined) : motieAsBron(record);
      return bron ? ctx.footnotes.call(bron.id, formatCitation(bron, ctx.stijl)) : '';
    },
  });
}
