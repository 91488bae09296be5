import { z } from 'zod';
import { InputError, type Diagnostic, type SourcePosition } from '../diagnostics/diagnostic.js';
import { validateAt, type Locate } from '../diagnostics/validate-at.js';
import { bronSchema, type Bron } from './source-schema.js';
import { motieSchema, reeksSchema, toezeggingSchema, type Motie, type Reeks, type Toezegging } from './register-schema.js';

/** The records of a letter project, validated, with the place each one was written. */
export interface Register {
  moties: Motie[];
  toezeggingen: Toezegging[];
  bronnen: Bron[];
  reeksen: Reeks[];
  /** Where the record with this id starts, for warnings about it. */
  positionOf(id: string): SourcePosition | undefined;
  /** Where a field of the record with this id was written (its value), for text made from it. */
  fieldPosition(id: string, field: string): SourcePosition | undefined;
  /** Changes when the files the records come from change, and with them these positions. */
  version: string;
}

/** Data keys with a meaning of their own: data/moties.yaml, data/bronnen.json, … */
export const REGISTER_KEYS = ['moties', 'toezeggingen', 'bronnen', 'reeksen'] as const;

const registerSchema = z.object({
  moties: z.array(motieSchema).default([]),
  toezeggingen: z.array(toezeggingSchema).default([]),
  bronnen: z.array(bronSchema).default([]),
  reeksen: z.array(reeksSchema).default([]),
});

/**
 * Records may come from a CSV file (data/moties.csv), where every cell is text: an
 * empty cell means "not given", and a list of indieners is written
 * "Van der Werf (D66); Becker (VVD)". Numbers stay text; the schemas accept both.
 */
function fromTable(list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((row: unknown) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      if (value === '') continue;
      out[key] = key === 'indieners' && typeof value === 'string' ? value.split(';').map((s) => s.trim()).filter(Boolean) : value;
    }
    return out;
  });
}

export function loadRegister(
  data: Record<string, unknown>,
  locate: Locate,
  version = '',
): Register {
  const input = Object.fromEntries(REGISTER_KEYS.map((k) => [k, fromTable(data[k])]));
  const register = validateAt(registerSchema, input, locate);
  // Where each id is, looked up only when asked: locating is a walk of the YAML tree,
  // and a clean build asks for few positions or none (a parse cache hit would even
  // parse the file again to answer).
  const firstAt = new Map<string, Parameters<Locate>[0]>();
  const duplicates: Diagnostic[] = [];
  for (const key of REGISTER_KEYS) {
    register[key].forEach((record, index) => {
      const first = firstAt.get(record.id);
      if (first) {
        const at = locate(first, 'value');
        duplicates.push({
          ...locate([key, index, 'id'], 'value'),
          severity: 'error',
          rule: 'duplicate-id',
          message: `duplicate id "${record.id}"`,
          hint: `ids must be unique across moties, toezeggingen, bronnen and reeksen; the first is at ${at.file}:${at.line}`,
        });
      } else {
        firstAt.set(record.id, [key, index, 'id']);
      }
    });
  }
  register.bronnen.forEach((bron, index) => {
    if (!('zie' in bron) || bron.zie === undefined || register.bronnen.some((b) => b.id === bron.zie && b.id !== bron.id)) return;
    duplicates.push({
      ...locate(['bronnen', index, 'zie'], 'value'),
      severity: 'error',
      rule: 'unknown-record',
      message: `zie: "${bron.zie}" is not the id of another bron`,
      hint: `the bron ids in data/ are: ${register.bronnen.map((b) => b.id).filter((id) => id !== bron.id).slice(0, 8).join(', ') || '(none)'}`,
    });
  });
  if (duplicates.length) throw new InputError(duplicates);
  const positions = new Map<string, SourcePosition>();
  return {
    ...register,
    positionOf: (id) => {
      const at = firstAt.get(id);
      if (!at) return undefined;
      const known = positions.get(id) ?? locate(at, 'value');
      positions.set(id, known);
      return known;
    },
    fieldPosition: (id, field) => {
      const at = firstAt.get(id);
      if (!at) return undefined;
      return locate([...at.slice(0, -1), field], 'value');
    },
    version,
  };
}
