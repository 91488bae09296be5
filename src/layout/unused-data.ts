import { existsSync, readdirSync } from 'node:fs';
import { LIMITS } from '../project/limits.js';
import { readRegularFile } from '../project/read-regular-file.js';
import path from 'node:path';
import { wholeFile, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LetterModel } from '../model/build-letter-model.js';
import { letterFieldsSchema } from '../model/letter-schema.js';
import { REGISTER_KEYS } from '../records/load-register.js';

/**
 * A data file that no text and no template of the project mentions is usually a
 * leftover or a misspelt reference; `check` says so (and `--strict` fails on it).
 * Files named after a letter field (data/afzender.yaml) feed the layout and count as used.
 */
export function unusedDataWarnings(model: LetterModel): Diagnostic[] {
  const sources = [model.intro, ...model.secties, ...model.bijlagen].map((s) => s.body);
  for (const file of templateFiles(model.project.templates)) {
    try {
      sources.push(readRegularFile(file, LIMITS.template).toString('utf8'));
    } catch {
      // Not a template a build reads; its own check reports it where it matters.
    }
  }
  const expressions = sources.flatMap((s) => s.match(/\{\{[^}]*\}\}/g) ?? []).join('\n');
  // Letter fields feed the layout, register files feed the helpers, CSV files may feed a series.
  const used = new Set<string>([
    ...Object.keys(letterFieldsSchema.shape),
    ...REGISTER_KEYS,
    ...model.register.reeksen.flatMap((r) => (r.csv ? [r.csv.replace(/\.csv$/i, '')] : [])),
    // The questions and answers of a kamervragen project feed its bijlage.
    ...(model.vragen ? ['vragen'] : []),
  ]);
  return model.project.data
    .map((file) => ({ file, key: path.basename(file, path.extname(file)) }))
    .filter(({ key }) => !used.has(key) && !new RegExp(`(^|[^\\w.])${key}\\b`).test(expressions))
    .map(({ file, key }) => ({
      ...wholeFile(file),
      severity: 'warning' as const,
      rule: 'unused-data',
      message: `data file is not used: nothing refers to {{${key}…}}`,
      hint: `use it in the text, e.g. {{${key}.…}} or {{#each ${key}}}, or remove the file`,
    }));
}

function templateFiles(dir: string | undefined): string[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.hbs'))
    .map((e) => path.join(e.parentPath, e.name));
}
