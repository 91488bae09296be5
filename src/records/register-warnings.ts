import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDatum } from '../format/format-datum.js';
import { deadlineOf } from './deadline.js';
import type { Register } from './load-register.js';
import { OPEN_STATUSSEN } from './register-schema.js';

/**
 * What `check` asks a team to look at before the letter goes out: open moties and
 * toezeggingen the letter treats nowhere, and open ones whose expected date has
 * passed by the letter's date. Both are warnings at the record in data/.
 */
export function registerWarnings(register: Register, treated: ReadonlySet<string>, briefDatum: string): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const record of [...register.moties, ...register.toezeggingen]) {
    if (!OPEN_STATUSSEN.includes(record.status)) continue;
    // Looked up only for a warning: a position costs a walk of the YAML tree.
    const where = () => register.positionOf(record.id) ?? { file: '(data)', line: 1, column: 1 };
    const helper = record.soort === 'toezegging' ? 'toezegging' : 'motie';
    if (!treated.has(record.id)) {
      warnings.push({
        ...where(),
        severity: 'warning',
        message: `${record.soort} "${record.id}" is ${record.status}, but the letter treats it nowhere`,
        hint: `refer to it in the text with {{${helper} "${record.id}"}}, or list it in a bijlage with "register:" in its front matter`,
      });
    }
    const deadline = record.verwachte_afdoening ? deadlineOf(record.verwachte_afdoening) : undefined;
    if (deadline && deadline < briefDatum) {
      warnings.push({
        ...where(),
        severity: 'warning',
        message: `${record.soort} "${record.id}" is still ${record.status}; its expected date (${record.verwachte_afdoening}) passed before ${formatDatum(briefDatum) ?? briefDatum}`,
        hint: 'update "status" or "verwachte_afdoening" in the record, and say in the letter when it will be settled',
      });
    }
  }
  return warnings;
}
