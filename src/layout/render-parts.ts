import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LetterModel, SectionSource } from '../model/build-letter-model.js';
import type { AssetMap } from '../model/asset-map.js';
import { expandTemplate } from '../markdown/expand-template.js';
import { FootnoteCounter } from '../markdown/footnote-counter.js';
import type { RenderedSection } from '../markdown/render-markdown.js';
import { renderMarkdownCached, type CachedMarkdown } from '../markdown/render-markdown-cached.js';
import type { Memo } from '../cache/memo.js';
import { motieAsBron } from '../records/record-phrases.js';
import { registerAppendixMarkdown } from '../records/register-appendix.js';
import { registerWarnings } from '../records/register-warnings.js';
import type { Bron } from '../records/source-schema.js';
import { createHandlebars, type HandlebarsEnv } from '../templates/create-handlebars.js';
import type { HelperContext } from '../templates/helper-context.js';
import { citeInNote } from '../templates/helpers/register-helpers.js';
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

const NOTHING: RenderedSection = { html: '', headings: [] };

/**
 * Expands and renders the Markdown parts in reading order: a cover letter first, then
 * the letter, then the bijlagen, because a register bijlage lists what the letter did
 * not treat and footnotes are numbered in order of calling. A mistake in one part does
 * not stop the others: all are reported together at the end.
 */
export function renderParts(model: LetterModel, assets: AssetMap, warnings: Diagnostic[], memo?: Memo<CachedMarkdown>): RenderedParts {
  const counter = new FootnoteCounter(model.meta.voetnoten.herhaling, model.meta.citatiestijl);
  const errors: Diagnostic[] = [];
  const ctx: HelperContext = {
    register: model.register,
    datum: model.meta.datum,
    huisstijl: { citatiestijl: model.meta.citatiestijl, dossiernotatie: model.meta.dossiernotatie },
    footnotes: counter,
    assets,
    data: model.data,
    referenced: { brief: new Set(), bijlage: new Set() },
    cited: new Set(),
    phase: 'brief',
    current: { file: model.intro.file, lineOffset: 0 },
    errors,
  };
  const hb = createHandlebars(ctx);
  const render = (source: SectionSource, idPrefix: string, letters: boolean, vragen?: Question, data = model.data): RenderedSection => {
    ctx.current = { file: source.file, lineOffset: source.bodyLine - 1 };
    try {
      const before = errors.length;
      const expanded = expandTemplate(hb, source, data);
      // A helper that failed on an argument the check already reported adds nothing to it.
      const fromHelpers = errors.splice(before);
      errors.push(...expanded.mistakes, ...fromHelpers.filter((e) => !expanded.mistakes.some((m) => encloses(e, m))));
      let text = expanded.text;
      if (source.meta.register) text += `\n${appendix(source, ctx)}`;
      text += counter.takeDefinitions();
      const rendered = renderMarkdownCached(
        { file: source.file, text, bodyLine: source.bodyLine, map: expanded.map, idPrefix, letters, vragen, projectRoot: model.project.root, assets },
        counter,
        warnings,
        memo,
      );
      return errors.length > before ? NOTHING : rendered;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      errors.push(...err.diagnostics);
      counter.takeDefinitions();
      return NOTHING;
    }
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
  // The layout is filled by the same instance after this: its helpers' mistakes must be thrown, not kept.
  delete ctx.errors;
  if (errors.length) throw new InputError(errors);
  const treated = new Set([...ctx.referenced.brief, ...ctx.referenced.bijlage]);
  warnings.push(...registerWarnings(model.register, treated, model.meta.datum, ctx.cited));
  return { voorblad, aanhef, inleiding, secties, bijlagen, footnotes: counter.count, hb };
}

/** Whether the range of `outer` (a helper call) holds the start of `inner`. */
function encloses(outer: Diagnostic, inner: Diagnostic): boolean {
  if (outer.file !== inner.file) return false;
  const after = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line > b.line || (a.line === b.line && a.column >= b.column);
  return after(inner, outer) && after(outer.end ?? outer, inner);
}

function appendix(source: SectionSource, ctx: HelperContext): string {
  const bronnen = new Map(ctx.register.bronnen.map((b) => [b.id, b]));
  return registerAppendixMarkdown({
    config: source.meta.register!,
    moties: ctx.register.moties,
    toezeggingen: ctx.register.toezeggingen,
    referencedInLetter: ctx.referenced.brief,
    dossiernotatie: ctx.huisstijl.dossiernotatie,
    cite: (record) => {
      ctx.referenced.bijlage.add(record.id);
      const bron: Bron | undefined =
        record.soort === 'toezegging' ? (record.bron ? bronnen.get(record.bron) : undefined) : motieAsBron(record);
      return bron ? citeInNote(ctx, bron) : '';
    },
  });
}
