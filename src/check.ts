import type { Diagnostic } from './diagnostics/diagnostic.js';
import { renderDocuments, type RenderedDocument } from './layout/render-document.js';
import { buildLetterModel, type LetterModel } from './model/build-letter-model.js';

export interface CheckOptions {
  /** The letter project; default the current folder. */
  dir?: string;
  /** Highest layer of the data cascade (`--set`). */
  overrides?: Record<string, unknown>;
  /** One document per part (`--split`); default `uitvoer.splitsen` of the project. */
  split?: boolean;
}

export interface CheckResult {
  model: LetterModel;
  documents: RenderedDocument[];
  warnings: Diagnostic[];
}

/** Everything but the browser: validates the whole project and renders its HTML in memory. */
export function check(options: CheckOptions = {}): CheckResult {
  const model = buildLetterModel(options.dir ?? '.', options.overrides ? { overrides: options.overrides } : {});
  const documents = renderDocuments(model, options.split === undefined ? {} : { split: options.split });
  return { model, documents, warnings: documents.flatMap((d) => d.warnings) };
}
