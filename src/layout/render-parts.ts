import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LetterModel, SectionSource } from '../model/build-letter-model.js';
import type { AssetMap } from '../model/asset-map.js';
import { expandTemplate } from '../markdown/expand-template.js';
import { FootnoteCounter } from '../markdown/footnote-counter.js';
import type { RenderedSection } from '../markdown/render-markdown.js';
import { renderMarkdownCached, type CachedMarkdown } from '../markdown/render-markdown-cached.js';
import type { Memo } from '../cache/memo.js';
import { formatCitation } from '../records/format-citation.js';
import { registerAppendixMarkdown } from '../records/register-appendix.js';
import { registerWarnings } from '../records/register-warnings.js';
import type { Bron } from '../records/source-schema.js';
import { createHandlebars, type HandlebarsEnv } from '../templates/create-handlebars.js';
import type { HelperContext } from '../templates/helper-context.js';
import { motieAsBron } from '../templates/helpers/register-helpers.js';
import { typeData, typeTextSource, vragenSource } from './type-texts.js';

export type RenderedPart = RenderedSection & { source: SectionSource };

export interface RenderedParts {
  /** A cover letter to the Eerste Kamer bound in front of the letter (its own part). */
  voorblad: RenderedSection | undefined;
  /** A type's formula that opens the letter (Kamervragen, Eerste Kamer), before the author's text. */
  aanhef: RenderedSection | undefined;
  inleiding: RenderedSection;
  secties: RenderedPart[];
  bijlagen: RenderedPart[];
  footnotes: number;
  hb: HandlebarsEnv;
}

type Question = 'genummerd' | 'vraag-antwoord' | undefined;

/**
 * Expands and renders the Markdown parts in reading order: a cover letter first, then
 * the letter, then the bijlagen, because a register bijlage lists what the letter did
 * not treat and footnotes are numbered in order of calling.
 */
export function renderParts(model: LetterModel, assets: AssetMap, warnings: Diagnostic[], memo?: Memo<CachedMarkdown>): RenderedParts {
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
  const render = (source: SectionSource, idPrefix: string, letters: boolean, vragen?: Question, data = model.data): RenderedSection => {
    ctx.current = { file: source.file, lineOffset: source.bodyLine - 1 };
    let text = expandTemplate(hb, source, data);
    if (source.meta.register) text += `\n${appendix(source, ctx)}`;
    text += counter.takeDefinitions();
    return renderMarkdownCached(
      { file: source.file, text, bodyLine: source.bodyLine, idPrefix, letters, vragen, projectRoot: model.project.root, assets, aanhalingstekens: model.meta.aanhalingstekens, afbreken: model.meta.afbreken },
      counter,
      warnings,
      memo,
    );
  };
  const type = model.meta.type;
  const formula = (name: string, id: string) => render(typeTextSource(model, name), id, false, undefined, typeData(model));

  // The Eerste Kamer letter is the whole document of its own type, a cover otherwise.
  const ekText = model.meta.eerste_kamer ? formula('eerste-kamer.md', 'eerste-kamer') : undefined;
  const voorblad = type === 'eerste-kamer' ? undefined : ekText;
  const aanhef = type === 'eerste-kamer' ? ekText : type === 'kamervragen' ? formula('kamervragen-aanhef.md', 'aanhef') : undefined;
  const inleiding = render(model.intro, 'inleiding', false);
  const secties = model.secties.map((s, i) => ({
    ...render(s, `sectie-${i + 1}`, model.meta.nummering, type === 'verzamelbrief' && s.meta.vragen_van ? 'genummerd' : undefined),
    source: s,
  }));
  ctx.phase = 'bijlage';
  const generated = type === 'kamervragen' ? vragenSource(model) : undefined;
  const bijlagen = [...(generated ? [generated] : []), ...model.bijlagen].map((s, i) => {
    const antwoorden = type === 'kamervragen' && s.meta.antwoorden;
    return { ...render(s, `bijlage-${i + 1}`, !antwoorden, antwoorden ? 'vraag-antwoord' : undefined), source: s };
  });
  const treated = new Set([...ctx.referenced.brief, ...ctx.referenced.bijlage]);
  warnings.push(...registerWarnings(model.register, treated, model.meta.datum));
  return { voorblad, aanhef, inleiding, secties, bijlagen, footnotes: counter.count, hb };
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
