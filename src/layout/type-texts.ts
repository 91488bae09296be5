import { readText } from '../parse/read-text.js';
import { functieInZin, opsomming } from '../format/opsomming.js';
import type { LetterModel, SectionSource } from '../model/build-letter-model.js';
import type { HandlebarsEnv } from '../templates/create-handlebars.js';
import { templateError } from '../templates/template-error.js';
import { templateFile } from './load-templates.js';
import { nullObject } from '../model/null-prototype.js';

/**
 * The fixed formulas of the document types ("In antwoord op uw brief van …", "Hierbij
 * doen wij u een afschrift …") live in templates/teksten/ as Handlebars, so a project
 * can reword them like any other template. They see the letter's data plus the
 * phrases below, each always defined, so that strict mode accepts every text.
 */
export function typeData(model: LetterModel): Record<string, unknown> {
  const meta = model.meta;
  const ondertekenaars = meta.ondertekening.map((o) => functieInZin(o.functie));
  const kv = meta.kamervragen;
  const leden = kv ? (Array.isArray(kv.lid) ? kv.lid : [kv.lid]) : [];
  const vragensteller = kv
    ? `${leden.length > 1 ? 'de leden' : 'het lid'} ${opsomming(leden)}${kv.partij ? ` (${kv.partij})` : ''}`
    : '';
  // Without a prototype, as the data it extends (src/model/null-prototype.ts).
  return Object.assign(nullObject(), {
    ...model.data,
    enkelvoud: meta.ondertekening.length === 1,
    vragensteller,
    beantwoord_door: kv?.beantwoord_door ?? opsomming([...ondertekenaars, ...(meta.mede_namens ?? [])]),
    tweede_kamerbrief: meta.eerste_kamer?.tweede_kamerbrief ?? meta.betreft,
    ek_toezegging: meta.eerste_kamer?.toezegging ?? '',
  });
}

/** A formula text as a Markdown part, to be expanded and rendered like a section. */
export function typeTextSource(model: LetterModel, name: string): SectionSource {
  const file = templateFile(model.project.templates, `teksten/${name}`);
  const body = readText(file, 'template');
  return { file, body, bodyLine: 1, meta: { titel: name, inhoudsopgave: false, antwoorden: false, opmaak: 'bijlage' } };
}

/** A one-line formula (a heading): plain text, not escaped, since the layout escapes it. */
export function typeLine(hb: HandlebarsEnv, model: LetterModel, name: string, extra: Record<string, unknown> = {}): string {
  const file = templateFile(model.project.templates, `teksten/${name}`);
  const source = readText(file, 'template');
  try {
    return hb.compile(source, { strict: true, noEscape: true })(Object.assign(typeData(model), extra)).replace(/\s+/g, ' ').trim();
  } catch (err) {
    throw templateError(err, file, 0, source);
  }
}

/** The answers to Kamervragen from data/vragen.yaml, as the Markdown of a bijlage. */
export function vragenSource(model: LetterModel): SectionSource | undefined {
  if (!model.vragen) return undefined;
  const body = model.vragen.map((v) => `# Vraag\n\n${v.vraag}\n\n# Antwoord\n\n${v.antwoord}\n`).join('\n');
  const file = model.project.data.find((f) => /[/\\]vragen\.(ya?ml|json)$/i.test(f)) ?? model.project.brief;
  return { file, body, bodyLine: 1, meta: { titel: 'Antwoorden', inhoudsopgave: false, antwoorden: true, opmaak: 'bijlage' } };
}

