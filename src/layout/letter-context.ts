import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RenderError, wholeFile } from '../diagnostics/diagnostic.js';
import { formatDatum } from '../format/format-datum.js';
import { opsomming } from '../format/opsomming.js';
import type { AssetMap } from '../model/asset-map.js';
import type { LetterModel } from '../model/build-letter-model.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { kamerstukKop } from './kamerstuk-context.js';
import { templateFile } from './load-templates.js';
import { RUNNER_ASSET } from './page-policy.js';
import { checkAssetFile } from '../project/check-asset-file.js';
import type { RenderedPart, RenderedParts } from './render-parts.js';
import { typeLine } from './type-texts.js';
import { bijlageContents, contentsSettings, documentContents, type ContentsList } from './contents-context.js';
import { isRapport } from './part-numbering-setup.js';


export type SectieContext = ReturnType<typeof sectieContexts>[number];
export type BijlageContext = ReturnType<typeof bijlageContexts>[number];

/** What every composed document of a letter shares: its data, parts and furniture. */
export function letterContext(model: LetterModel, parts: RenderedParts, assets: AssetMap, lettertypen: string) {
  const type = model.meta.type;
  const secties = sectieContexts(model, parts);
  const bijlagen = bijlageContexts(model, parts);
  const rapport = type === 'rapport';
  const inhoud = contentsSettings(model.meta.inhoudsopgave, rapport, 2);
  return {
    ...model.data,
    datum_tekst: formatDatum(model.meta.datum),
    bijlagen_aantal: bijlagen.length,
    aanhef: parts.aanhef ?? null,
    inleiding: parts.inleiding,
    secties,
    alle_bijlagen: bijlagen,
    // A verzamelbrief opens with the list of its topics, the section headings.
    onderwerpen: type === 'verzamelbrief' ? secties.map((s) => s.kop) : null,
    ondertekening_naast: model.meta.ondertekening_weergave === 'naast',
    beantwoording_notitie: type === 'kamervragen',
    kamerstuk_kop: kamerstukKop(model.meta, type === 'eerste-kamer' ? 'eerste_kamer' : 'kamerstuk') ?? null,
    voorblad_kop: parts.voorblad ? (kamerstukKop(model.meta, 'eerste_kamer') ?? null) : null,
    voorblad_html: parts.voorblad?.html ?? null,
    lettertypen,
    logo_url: logoUrl(model, assets),
    scripts: registerScripts(assets),
    inhoud: inhoud && parts.secties.length + parts.bijlagen.length > 0
      ? contentsNav(documentContents(parts.secties, parts.bijlagen, inhoud), rapport ? 'Inhoud' : 'Inhoud van de brief', null)
      : null,
    hoofdstuk_nieuwe_pagina: model.meta.hoofdstuk_nieuwe_pagina,
    rapport: rapport
      ? {
          titel: model.meta.betreft,
          ondertitel: model.meta.rapport?.ondertitel ?? null,
          organisatie: model.meta.afzender.organisatie,
          datum_tekst: formatDatum(model.meta.datum),
          colofon_html: parts.colofon?.html ?? null,
          kopniveau: 1,
          bijlage_nummer: null,
        }
      : null,
  };
}

function sectieContexts(model: LetterModel, parts: RenderedParts) {
  const verzamelbrief = model.meta.type === 'verzamelbrief';
  return parts.secties.map((s, i) => {
    const van = s.source.meta.vragen_van;
    const kop =
      verzamelbrief && van
        ? typeLine(parts.hb, model, 'verzamelbrief-vragen-kop.txt', {
            vragensteller: `${Array.isArray(van) && van.length > 1 ? 'de leden' : 'het lid'} ${opsomming(Array.isArray(van) ? van : [van])}`,
            titel: s.source.meta.titel,
          })
        : s.source.meta.titel;
    return {
      ...partContext(s),
      kop,
      id: `sectie-${i + 1}`,
      // The source mark of what the partial writes around the text (source-marks.ts).
      markering: `sectie-${i + 1}`,
      // Topics of a verzamelbrief are unnumbered bold-italic headings, as in the letters.
      nummer: s.nummer?.label ?? null,
      klasse: verzamelbrief ? 'vb-onderwerp' : null,
    };
  });
}

function bijlageContexts(model: LetterModel, parts: RenderedParts) {
  return parts.bijlagen.map((s, i) => {
    const antwoorden = model.meta.type === 'kamervragen' && s.source.meta.antwoorden;
    const rapport = isRapport(s.source);
    const settings = contentsSettings(s.source.meta.inhoudsopgave, rapport, rapport ? 2 : 1);
    return {
      ...partContext(s),
      id: `bijlage-${i + 1}`,
      markering: `bijlage-${i + 1}`,
      nummer: i + 1,
      // The answers to Kamervragen carry the formula heading instead of "Bijlage 1. …".
      kop: antwoorden ? typeLine(parts.hb, model, 'kamervragen-antwoorden-kop.txt') : null,
      inhoudsopgave: settings && s.headings.length ? contentsNav(bijlageContents(s, settings), `Inhoud van bijlage ${i + 1}`, rapport ? 'vb-inhoud-rapport' : null) : null,
      rapport: rapport
        ? {
            titel: s.source.meta.titel,
            ondertitel: s.source.meta.rapport?.ondertitel ?? null,
            organisatie: s.source.meta.rapport?.organisatie ?? model.meta.afzender.organisatie,
            datum_tekst: formatDatum(model.meta.datum),
            colofon_html: s.colofon?.html ?? null,
            kopniveau: 2,
            bijlage_nummer: i + 1,
            deel: `rapport-${i + 1}`,
            nieuwe_pagina: s.source.meta.hoofdstuk_nieuwe_pagina ?? false,
          }
        : null,
    };
  });
}

function contentsNav(list: ContentsList, label: string, klasse: string | null) {
  return { ...list, label, klasse };
}

function partContext(part: RenderedPart) {
  return { titel: part.source.meta.titel, html: part.html, headings: part.headings };
}

function logoUrl(model: LetterModel, assets: AssetMap): string {
  const file = model.logo ?? templateFile(model.project.templates, 'assets/logo-placeholder.svg');
  // A project may put its own placeholder in templates/assets/.
  if (!model.logo) checkAssetFile(file, 'image', wholeFile(file));
  return assets.add(file, `logo${path.extname(file)}`);
}

/** The page runner, bundled from src/layout/browser/page-runner/ by scripts/bundle.mjs. */
const RUNNER_BUNDLE = path.join(PACKAGE_ROOT, 'dist/page-runner.js');

let runnerSource: string | undefined;

function readRunner(): string {
  try {
    runnerSource ??= readFileSync(RUNNER_BUNDLE, 'utf8');
  } catch {
    throw new RenderError(`the page runner is not built (${RUNNER_BUNDLE} is missing): run "npm run setup"`);
  }
  return runnerSource;
}

function registerScripts(assets: AssetMap): { runner: string; paged: string } {
  const runner = assets.addContent(RUNNER_ASSET.replace(/^assets\//, ''), readRunner());
  // Layouts written for Paged.js also include {{scripts.paged}}; the runner ignores its second load.
  return { runner, paged: runner };
}
