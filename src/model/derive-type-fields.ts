import { opsomming } from '../format/opsomming.js';
import type { Anchor } from '../parse/parse-yaml.js';
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { LetterMeta } from './letter-schema.js';
import { vragenSchema } from './type-schemas.js';
import { validateAt } from './validate.js';

export interface Vraag {
  vraag: string;
  antwoord: string;
}

/**
 * Fields derived from the letter's own ones, visible to templates and Markdown like
 * any other: `mede_namens_tekst` ("mede namens de minister van … en de minister van …",
 * empty without co-signers, so a text may use it unconditionally) and, for answers to
 * Kamervragen, the zaak number as "Uw referentie" unless the letter sets its own.
 */
export function deriveTypeFields(meta: LetterMeta): Record<string, unknown> {
  const mede = meta.mede_namens ?? [];
  return {
    mede_namens_tekst: mede.length ? `mede namens ${opsomming(mede)}` : '',
    ...(meta.type === 'kamervragen' && meta.kamervragen && meta.uw_referentie === undefined
      ? { uw_referentie: meta.kamervragen.zaaknummer }
      : {}),
  };
}

/** data/vragen.yaml of a kamervragen project, validated at its own positions. */
export function loadVragen(
  meta: LetterMeta,
  data: Record<string, unknown>,
  locate: (path: readonly (string | number)[], anchor?: Anchor) => SourcePosition,
): Vraag[] | undefined {
  if (meta.type !== 'kamervragen' || data.vragen === undefined) return undefined;
  return validateAt(vragenSchema, data.vragen, (p, anchor) => locate(['vragen', ...p], anchor));
}
