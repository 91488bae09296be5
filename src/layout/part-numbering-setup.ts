import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LetterMeta } from '../model/letter-schema.js';
import type { SectionSource } from '../model/build-letter-model.js';
import { handTypedNumber } from '../numbering/hand-typed-number.js';
import type { HeadingNumber } from '../numbering/heading-numberer.js';
import { CaptionCounter, PartNumbering } from '../numbering/part-numbering.js';
import { resolveScheme, type Scheme } from '../numbering/resolve-scheme.js';

/** The letter's scheme: what `nummering:` says; a report numbers decimally unless told otherwise. */
export function letterScheme(meta: LetterMeta): Scheme {
  return resolveScheme(meta.nummering ?? (meta.type === 'rapport' ? 'decimaal' : false));
}

/** Whether a bijlage is laid out as a report of its own. */
export function isRapport(source: SectionSource): boolean {
  return source.meta.opmaak === 'rapport';
}

/**
 * The scheme a bijlage inherits: the letter's, when the letter names one. A letter
 * that says nothing about numbering still gets lettered bijlagen (a., b.), as before
 * schemes existed and as in the seed letters.
 */
export function inheritedScheme(meta: LetterMeta, letter: Scheme): Scheme {
  return meta.nummering === undefined && meta.type !== 'rapport' ? resolveScheme('brief') : letter;
}

/**
 * A bijlage's counters. It follows the letter's scheme unless it sets its own; in a
 * report, "#" is a chapter (level 1) whatever the scheme. Plain bijlagen count their
 * tables and figures on from the letter; a report counts its own.
 */
export function bijlageNumbering(source: SectionSource, letter: Scheme, letterCaptions: CaptionCounter): PartNumbering {
  const scheme = resolveScheme(source.meta.nummering, letter);
  const rapport = isRapport(source);
  const captions = rapport || source.meta.bijschriften ? new CaptionCounter(source.meta.bijschriften?.nummering ?? letterCaptions.mode) : letterCaptions;
  if (!rapport) captions.enterChapter('');
  return new PartNumbering(scheme, rapport ? 1 : scheme.bijlageStart, captions);
}

/** Numbers a section's title (level 1 of the letter) and warns when the author typed a number too. */
export function numberSectionTitle(source: SectionSource, numbering: PartNumbering, warnings: Diagnostic[]): HeadingNumber | undefined {
  const n = numbering.heading(1);
  const typed = n ? handTypedNumber(source.meta.titel) : undefined;
  if (n && typed) {
    const at = source.locate?.(['titel']) ?? { file: source.file, line: 1, column: 1 };
    warnings.push({
      ...at,
      severity: 'warning',
      message: `the title starts with the number "${typed}", and the numbering scheme adds "${n.label}" as well`,
      hint: `remove "${typed}" from the titel: the scheme numbers it, or set "nummering: geen" to type numbers yourself`,
    });
  }
  return n;
}
