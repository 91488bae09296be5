import { z } from 'zod';
import { bronSchema } from '../records/source-schema.js';
import { motieSchema, reeksSchema, toezeggingSchema } from '../records/register-schema.js';
import { LETTER_FIELDS, letterFieldsSchema, letterSchema, PRINT_TYPES, sectionSchema } from './letter-schema.js';

export const SCHEMA_NAMES = ['brief', 'sectie', 'config', 'moties', 'toezeggingen', 'bronnen', 'reeksen'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

const SCHEMAS: Record<SchemaName, { title: string; schema: z.ZodType }> = {
  brief: { title: 'Front matter of brief.md (voortgangsbrief)', schema: letterSchema },
  sectie: { title: 'Front matter of a file in secties/ or bijlagen/ (voortgangsbrief)', schema: sectionSchema },
  // The config file holds shared defaults for the letter's fields: all optional.
  config: { title: 'voortgangsbrief.config.yaml', schema: letterFieldsSchema.partial() },
  moties: { title: 'data/moties.yaml (voortgangsbrief)', schema: z.array(motieSchema) },
  toezeggingen: { title: 'data/toezeggingen.yaml (voortgangsbrief)', schema: z.array(toezeggingSchema) },
  bronnen: { title: 'data/bronnen.yaml (voortgangsbrief)', schema: z.array(bronSchema) },
  reeksen: { title: 'data/reeksen.yaml (voortgangsbrief)', schema: z.array(reeksSchema) },
};


/**
 * JSON Schemas generated from the same zod schemas that validate the files, so an
 * editor completes and checks exactly what a build accepts.
 */
export function jsonSchema(name: SchemaName): Record<string, unknown> {
  const { title, schema } = SCHEMAS[name];
  // io "input": the schema describes what authors write, before defaults and transforms.
  const json = { title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) };
  // Which fields are required depends on the type (a superRefine, which zod cannot export): say it in JSON Schema's words.
  if (name !== 'brief') return json;
  return {
    ...json,
    allOf: [
      { if: { properties: { type: { const: 'rapport' } }, required: ['type'] }, then: { required: ['titel'] } },
      { if: { properties: { type: { enum: [...PRINT_TYPES] } }, required: ['type'] }, then: { required: ['ondertekening'] } },
      {
        if: { not: { properties: { type: { enum: ['rapport', ...PRINT_TYPES] } }, required: ['type'] } },
        then: { required: [...LETTER_FIELDS, 'ondertekening'] },
      },
    ],
  };
}
