import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { GeneratedText } from '../diagnostics/generated-text.js';
import type { LetterModel, SectionSource } from '../model/build-letter-model.js';
import type { AssetMap } from '../model/asset-map.js';
import { expandTemplate } from '../markdown/expand-template.js';
import { FootnoteCounter } from '../markdown/footnote-counter.js';
import type { RenderedSection } from '../markdown/render-markdown.js';
import { renderMarkdownCached, type CachedMarkdown } from '../markdown/render-markdown-cached.js';
import type { Memo } from '../cache/memo.js';
import { motieAsBron } from '../records/record-phrases.js';
import { knownCitations } from '../records/known-citations.js';
import { registerAppendixMarkdown } from '../records/register-appendix.js';
import { registerWarnings } from '../records/register-warnings.js';
import type { Bron } from '../records/source-schema.js';
import { createHandlebars, type HandlebarsEnv } from '../templates/create-handlebars.js';
import type { HelperContext } from '../templates/helper-context.js';
import { citeInNote } from '../templates/helpers/register-helpers.js';
import { typeData, typeTextSource, vragenSource } from './type-texts.js';
import { CaptionCounter, PartNumbering } from '../numbering/part-numbering.js';
import type { HeadingNumber } from '../numbering/heading-numberer.js';
import type { Scheme } from '../numbering/resolve-scheme.js';
import { ReferenceList } from '../numbering/reference-list.js';
import { bijlageNumbering, inheritedScheme, letterScheme, numberSectionTitle } from './part-numbering-setup.js';
import { resolveReferences } from './resolve-references.js';

export type RenderedPart = RenderedSection & {
  source: SectionSource;
  /** A section's own number ("2", "Hoofdstuk II"), from the scheme. */
  nummer: HeadingNumber | undefined;
  /** The scheme the part was numbered with. */
  scheme: Scheme;
  /** opmaak rapport: the colofon page. */
  colofon?: RenderedSection | undefined;
};

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
  /** The letter's own numbering scheme. */
  scheme: Scheme;
  /** type rapport: the colofon page. */
  colofon: RenderedSection | undefined;
}

type Question = 'genummerd' | 'vraag-antwoord' | undefined;

const NOTHING: RenderedSection = { html: '', headings: [], captions: [], targets: [] };

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
    references: new ReferenceList(),
  };
  const hb = createHandlebars(ctx);
  const known = knownCitations(model.register, ctx.huisstijl);
  const render = (source: SectionSource, idPrefix: string, numbering: PartNumbering | undefined, vragen?: Question, data = model.data): RenderedSection => {
    ctx.current = { file: source.file, lineOffset: source.bodyLine - 1 };
    try {
      const before = errors.length;
      const expanded = expandTemplate(hb, source, data);
      // A helper that failed on an argument the check already reported adds nothing to it.
      const fromHelpers = errors.splice(before);
      errors.push(...expanded.mistakes, ...fromHelpers.filter((e) => !expanded.mistakes.some((m) => encloses(e, m))));
      let text = expanded.text;
      let map = expanded.map;
      if (source.meta.register) {
        const generated = appendix(source, ctx);
        map = map.withGenerated(text.length + 1, generated.regions, `${ctx.register.version} ${source.frontMatterVersion ?? ''}`);
        text += `\n${generated.text}`;
      }
      text += counter.takeDefinitions();
      const rendered = renderMarkdownCached(
        { file: source.file, text, bodyLine: source.bodyLine, map, idPrefix, numbering, vragen, projectRoot: model.project.root, assets, aanhalingstekens: model.meta.aanhalingstekens, afbreken: model.meta.afbreken, huisstijl: ctx.huisstijl, knownCitations: known, sourceMarks: true },
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
  const formula = (name: string, id: string) => render(typeTextSource(model, name), id, undefined, undefined, typeData(model));

  // The Eerste Kamer letter is the whole document of its own type, a cover otherwise.
  const ekText = model.meta.eerste_kamer ? formula('eerste-kamer.md', 'eerste-kamer') : undefined;
  const voorblad = type === 'eerste-kamer' ? undefined : ekText;
  const aanhef = type === 'eerste-kamer' ? ekText : type === 'kamervragen' ? formula('kamervragen-aanhef.md', 'aanhef') : undefined;
  const colofonOf = (source: SectionSource, text: string | undefined, id: string) =>
    text === undefined ? undefined : render(colofonSource(source, text), id, undefined);
  const colofon = type === 'rapport' ? colofonOf(model.intro, model.meta.rapport?.colofon, 'colofon') : undefined;
  const inleiding = render(model.intro, 'inleiding', undefined);
  const scheme = letterScheme(model.meta);
  const captions = new CaptionCounter(model.meta.bijschriften.nummering);
  const letter = new PartNumbering(scheme, 2, captions);
  const secties = model.secties.map((s, i) => {
    // Topics of a verzamelbrief are unnumbered, as in the letters.
    const nummer = type === 'verzamelbrief' ? undefined : numberSectionTitle(s, letter, warnings);
    const vragen = type === 'verzamelbrief' && s.meta.vragen_van ? 'genummerd' : undefined;
    return { ...render(s, `sectie-${i + 1}`, letter, vragen), source: s, nummer, scheme };
  });
  ctx.phase = 'bijlage';
  const generated = type === 'kamervragen' ? vragenSource(model) : undefined;
  const bijlagen = [...(generated ? [generated] : []), ...model.bijlagen].map((s, i) => {
    const antwoorden = type === 'kamervragen' && s.meta.antwoorden;
    const numbering = antwoorden ? undefined : bijlageNumbering(s, inheritedScheme(model.meta, scheme), captions);
    const ownColofon = colofonOf(s, s.meta.opmaak === 'rapport' ? s.meta.rapport?.colofon : undefined, `bijlage-${i + 1}-colofon`);
    const part = render(s, `bijlage-${i + 1}`, numbering, antwoorden ? 'vraag-antwoord' : undefined);
    return { ...part, source: s, nummer: undefined, scheme: numbering?.scheme ?? scheme, colofon: ownColofon };
  });
  // The layout is filled by the same instance after this: its helpers' mistakes must be thrown, not kept.
  delete ctx.errors;
  if (errors.length) throw new InputError(errors);
  const resolve = resolveReferences(ctx.references!, { inleiding, secties, bijlagen });
  const treated = new Set([...ctx.referenced.brief, ...ctx.referenced.bijlage]);
  warnings.push(...registerWarnings(model.register, treated, model.meta.datum, ctx.cited));
  return {
    voorblad: voorblad && resolve(voorblad),
    aanhef: aanhef && resolve(aanhef),
    inleiding: resolve(inleiding),
    secties: secties.map(resolve),
    bijlagen: bijlagen.map((b) => ({ ...resolve(b), colofon: b.colofon && resolve(b.colofon) })),
    colofon: colofon && resolve(colofon),
    footnotes: counter.count,
    hb,
    scheme,
  };
}

/** A report's colofon text from its front matter, rendered like a part of its own. */
function colofonSource(source: SectionSource, text: string): SectionSource {
  const at = source.locate?.(['rapport', 'colofon']);
  // Not the register appendix of the bijlage it belongs to.
  const meta = { ...source.meta };
  delete meta.register;
  return { file: source.file, body: text, bodyLine: at?.line ?? source.bodyLine, meta };
}

/** Whether the range of `outer` (a helper call) holds the start of `inner`. */
function encloses(outer: Diagnostic, inner: Diagnostic): boolean {
  if (outer.file !== inner.file) return false;
  const after = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line > b.line || (a.line === b.line && a.column >= b.column);
  return after(inner, outer) && after(outer.end ?? outer, inner);
}

function appendix(source: SectionSource, ctx: HelperContext): GeneratedText {
  const bronnen = new Map(ctx.register.bronnen.map((b) => [b.id, b]));
  const register = ctx.register;
  return registerAppendixMarkdown({
    places: {
      appendix: () => source.locate?.(['register']),
      record: (r) => register.positionOf(r.id),
      field: (r, field) => register.fieldPosition(r.id, field),
    },
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
