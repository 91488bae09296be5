import path from 'node:path';
import type { z } from 'zod';
import { InputError, wholeFile, type Diagnostic, type SourcePosition } from '../diagnostics/diagnostic.js';
import { findProject, type ProjectFiles } from '../project/find-project.js';
import { resolveInside } from '../project/resolve-inside.js';
import { checkAssetFile } from '../project/check-asset-file.js';
import { digest, type Memo } from '../cache/memo.js';
import { curlQuotes } from '../format/curl-quotes.js';
import { parseDataFile, type ParsedDataFile } from '../parse/parse-data-file.js';
import { parseSection, type ParsedSection } from '../parse/parse-section.js';
import { parseYaml, type Anchor } from '../parse/parse-yaml.js';
import { readText } from '../parse/read-text.js';
import { isPlainObject, mergeLayers, type DataLayer } from './cascade.js';
import { nullPrototypeCopy } from './null-prototype.js';
import { DEFAULTS } from './defaults.js';
import { letterSchema, sectionSchema, type LetterMeta, type SectionMeta } from './letter-schema.js';
import { validateAt } from './validate.js';
import { refuseForbiddenKeys } from './refuse-keys.js';
import { loadRegister, REGISTER_KEYS, type Register } from '../records/load-register.js';
import { deriveTypeFields, loadVragen, type Vraag } from './derive-type-fields.js';

/** A Markdown part of the letter (the introduction, a section or a bijlage) with its metadata. */
export interface SectionSource {
  file: string;
  meta: SectionMeta;
  body: string;
  bodyLine: number;
  /** Where a front matter field was written (its value), for diagnostics about it. */
  locate?: (path: (string | number)[]) => SourcePosition;
  /** Changes when `locate`'s answers may (the front matter's content hash). */
  frontMatterVersion?: string;
}

/** Everything the later stages need, validated; nothing past this point reads the project. */
export interface LetterModel {
  project: ProjectFiles;
  meta: LetterMeta;
  /** The merged data cascade: what `{{…}}` sees in Markdown and templates. */
  data: Record<string, unknown>;
  intro: SectionSource;
  secties: SectionSource[];
  bijlagen: SectionSource[];
  /** Absolute paths of the project's own logo and font files, already checked. */
  /** Moties, toezeggingen, bronnen and statistical series from data/. */
  register: Register;
  logo: string | undefined;
  /** kamervragen: the questions and answers of data/vragen.yaml, if the project has one. */
  vragen: Vraag[] | undefined;
  fonts: { familie: string; bestanden: Record<string, string> } | undefined;
}

export interface ModelOptions {
  /** `--set key.path=value` pairs from the command line: the highest layer. */
  overrides?: Record<string, unknown>;
  /** Parses kept from an earlier build in this process (watch mode). */
  memos?: ParseMemos;
  /**
   * Receives the mistakes the rest of the letter does not depend on (a section's
   * front matter, a logo or font file), so that the caller can render the rest and
   * report them with the mistakes in the text. Without it they are thrown.
   */
  deferred?: Diagnostic[];
}

export interface ParseMemos {
  sections: Memo<ParsedSection>;
  data: Memo<ParsedDataFile>;
}

export function buildLetterModel(dir: string, options: ModelOptions = {}): LetterModel {
  const project = findProject(dir);
  const memos = options.memos;
  // Every file is read and checked even after a mistake in another, so that one run
  // reports all mistakes that do not depend on each other.
  const errors: Diagnostic[] = [];
  const later: Diagnostic[] = [];
  const attemptInto = (sink: Diagnostic[]) => <T>(run: () => T): T | undefined => {
    try {
      return run();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      sink.push(...err.diagnostics);
      return undefined;
    }
  };
  const attempt = attemptInto(errors);
  const independent = attemptInto(later);
  const brief = attempt(() => parseSection(project.brief, memos?.sections));
  const layers: DataLayer[] = [
    // Defaults are nobody's writing: a field they set is reported where an author would change it.
    { name: 'defaults', value: DEFAULTS, locate: (p, anchor) => brief?.frontMatter.locate(p, anchor) ?? wholeFile(project.brief) },
  ];
  if (project.config) {
    const file = project.config;
    const text = attempt(() => readText(file, 'template'));
    const config = text === undefined ? undefined : attempt(() => parseYaml(text, file));
    if (config && !isPlainObject(config.value)) {
      errors.push({ ...config.locate([], 'value'), severity: 'error', message: 'the config file must be a mapping of fields', hint: 'write one field per line, e.g. "nummering: true"' });
    } else if (config) {
      layers.push({ name: path.basename(file), value: config.value as Record<string, unknown>, locate: config.locate, version: digest([text ?? '']) });
    }
  }
  for (const file of project.data) {
    const data = attempt(() => parseDataFile(file, memos?.data));
    if (!data) continue;
    layers.push({
      name: path.relative(project.root, file),
      value: { [data.key]: data.value },
      locate: (p, anchor) => data.locate(p.slice(1), anchor),
      version: data.version,
    });
  }
  const secties = loadSections(project.secties, memos, independent);
  const bijlagen = loadSections(project.bijlagen, memos, independent);
  const fail = () => new InputError([...errors, ...later]);
  if (!brief) throw fail();
  layers.push({
    name: 'brief.md',
    value: brief.frontMatter.value as Record<string, unknown>,
    locate: brief.frontMatter.locate,
    version: brief.frontMatterVersion,
  });
  if (options.overrides) {
    // The command line has no file: its mistakes are reported at the field in brief.md it overrides.
    layers.push({ name: 'command line', value: options.overrides, locate: () => wholeFile('(command line)') });
  }
  refuseForbiddenKeys(layers);
  const merged = mergeLayers(layers);
  // A field nobody wrote is reported where an author would add it: brief.md's front matter.
  const locate = (p: readonly (string | number)[], anchor?: Anchor) =>
    (merged.originOf(p) ?? layers[layers.length - 1]!).locate(p, anchor);
  // Text a register bijlage makes from the records is reported where they were written.
  const registerVersion = REGISTER_KEYS.map((k) => merged.originOf([k])?.version ?? '').join(' ');
  const register = attempt(() => loadRegister(merged.value, locate, registerVersion));
  const meta = attempt(() =>
    validateAt(letterSchema, merged.value, (p, anchor) => (merged.originOf(p) ? locate(p, anchor) : brief.frontMatter.locate(p, anchor))),
  );
  if (!meta || !register) throw fail();
  const basics = letterBasics(meta);
  const quotes = meta.aanhalingstekens === 'recht' ? (t: string) => t : curlQuotes;
  const derived = {
    ...meta,
    ...basics,
    // Typed in front matter, set as headings: curled as the Markdown is.
    betreft: quotes(basics.betreft),
    ...(meta.rapport?.ondertitel ? { rapport: { ...meta.rapport, ondertitel: quotes(meta.rapport.ondertitel) } } : {}),
    retouradres: meta.retouradres ?? basics.afzender.postadres.join(' '),
    ...deriveTypeFields(basics),
  } as LetterMeta;
  const logo = meta.logo ? independent(() => checkedAsset(resolveInside(project.root, meta.logo!, locate(['logo'], 'value')), 'image', locate(['logo'], 'value'))) : undefined;
  const fonts = meta.lettertype
    ? {
        familie: meta.lettertype.familie,
        bestanden: Object.fromEntries(
          Object.entries(meta.lettertype.bestanden)
            .filter((e): e is [string, string] => typeof e[1] === 'string')
            .map(([k, v]) => {
              const where = locate(['lettertype', 'bestanden', k], 'value');
              return [k, independent(() => checkedAsset(resolveInside(project.root, v, where), 'font', where)) ?? v];
            }),
        ),
      }
    : undefined;
  const vragen = attempt(() => loadVragen(derived, merged.value, locate));
  if (errors.length) throw fail();
  if (later.length && !options.deferred) throw fail();
  options.deferred?.push(...later);
  return {
    project,
    meta: derived,
    // What templates see: the validated fields (zod builds ordinary objects) and the data
    // files, every mapping without a prototype again.
    data: nullPrototypeCopy(derived) as Record<string, unknown>,
    intro: toSource(brief, { titel: derived.betreft, inhoudsopgave: false, antwoorden: false, opmaak: 'bijlage' }),
    secties: secties.map((s) => withTitle(s, quotes)),
    bijlagen: bijlagen.map((s) => withTitle(s, quotes)),
    register,
    logo,
    vragen,
    fonts,
  };
}


/**
 * A rapport has no letterhead, reference or signatures: its title is the document's
 * title (where a letter has its Betreft) and its organisation the PDF's author.
 */
function letterBasics(meta: z.output<typeof letterSchema>): LetterMeta {
  if (meta.type !== 'rapport') return meta as LetterMeta;
  const organisatie = meta.rapport?.organisatie ?? meta.afzender?.organisatie ?? '';
  return {
    ...meta,
    afzender: meta.afzender ?? { organisatie, onderdeel: organisatie, postadres: [] },
    betreft: meta.betreft ?? meta.titel ?? '',
    onze_referentie: meta.onze_referentie ?? '',
    ondertekening: meta.ondertekening ?? [],
  };
}

function checkedAsset(file: string, kind: 'image' | 'font', where: SourcePosition): string {
  checkAssetFile(file, kind, where);
  return file;
}

function loadSections(files: string[], memos: ParseMemos | undefined, attempt: <T>(run: () => T) => T | undefined): SectionSource[] {
  const sections = files.flatMap((file) => {
    const source = attempt(() => {
      const parsed = parseSection(file, memos?.sections);
      return toSource(parsed, validateAt(sectionSchema, parsed.frontMatter.value, parsed.frontMatter.locate));
    });
    return source ? [source] : [];
  });
  // Files without "volgorde" keep their file-name order, after the numbered ones.
  return sections
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.meta.volgorde ?? Infinity) - (b.s.meta.volgorde ?? Infinity) || a.i - b.i)
    .map(({ s }) => s);
}

function withTitle(source: SectionSource, quotes: (t: string) => string): SectionSource {
  const titel = quotes(source.meta.titel);
  const rapport = source.meta.rapport?.ondertitel ? { ...source.meta.rapport, ondertitel: quotes(source.meta.rapport.ondertitel) } : source.meta.rapport;
  if (titel === source.meta.titel && rapport?.ondertitel === source.meta.rapport?.ondertitel) return source;
  return { ...source, meta: { ...source.meta, titel, ...(rapport ? { rapport } : {}) } };
}

function toSource(parsed: ParsedSection, meta: SectionMeta): SectionSource {
  return {
    file: parsed.file,
    meta,
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    locate: (p) => parsed.frontMatter.locate(p, 'value'),
    frontMatterVersion: parsed.frontMatterVersion,
  };
}
