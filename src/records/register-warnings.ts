import { wholeFile, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDatum } from '../format/format-datum.js';
import { deadlineOf } from './deadline.js';
import type { Register } from './load-register.js';
import { OPEN_STATUSSEN } from './register-schema.js';

/**
 * What `check` asks a team to look at before the letter goes out: open moties and
 * toezeggingen the letter treats nowhere, and open ones whose expected date has
 * passed by the letter's date. Both are warnings at the record in data/.
 */
export function registerWarnings(
  register: Register,
  treated: ReadonlySet<string>,
  briefDatum: string,
  /** Bronnen cited anywhere; one that nothing cites is a leftover, like an unused data file. */
  cited: ReadonlySet<string>,
): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  // A bron that a toezegging or a series names is used through that record.
  const named = new Set([...register.toezeggingen.flatMap((t) => (t.bron ? [t.bron] : [])), ...register.reeksen.flatMap((r) => (r.bron ? [r.bron] : []))]);
  for (const bron of register.bronnen) {
    if (cited.has(bron.id)) continue;
    // Only for a warning: a position parses the data file's YAML again (~15 ms of a check).
    const where = register.positionOf(bron.id);
    if (!where) continue;
    warnings.push({
      ...where,
      severity: 'warning',
      rule: 'unused-bron',
      message: `bron "${bron.id}" is not cited anywhere`,
      hint: named.has(bron.id)
        ? 'the record that names it is not used in the letter either; use that record, or remove both'
        : `cite it with {{bron "${bron.id}"}}, name it in a "zie:" of another bron, or remove it from data/bronnen.yaml`,
    });
  }
  for (const record of [...register.moties, ...register.toezeggingen]) {
    if (!OPEN_STATUSSEN.includes(record.status)) continue;
    // Looked up only for a warning: a position costs a walk of the YAML tree.
    const where = () => register.positionOf(record.id) ?? wholeFile('(data)');
    const helper = record.soort === 'toezegging' ? 'toezegging' : 'motie';
    if (!treated.has(record.id)) {
      warnings.push({
        ...where(),
        severity: 'warning',
        rule: 'record-not-treated',
        message: `${record.soort} "${record.id}" is ${record.status}, but the letter treats it nowhere`,
        hint: `refer to it in the text with {{${helper} "${record.id}"}}, or list it in a bijlage with "register:" in its front matter`,
      });
    }
    const deadline = record.verwachte_afdoening ? deadlineOf(record.verwachte_afdoening) : undefined;
    if (deadline && deadline < briefDatum) {
      warnings.push({
        ...where(),
        severity: 'warning',
        rule: 'record-overdue',
        message: `${record.soort} "${record.id}" is still ${record.status}; its expected date (${record.verwachte_afdoening}) passed before ${formatDatum(briefDatum) ?? briefDatum}`,
        hint: 'update "status" or "verwachte_afdoening" in the record, and say in the letter when it will be settled',
      });
    }
  }
  return warnings;
}
