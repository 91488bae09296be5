import { z } from 'zod';
import { letterSchema, sectionSchema } from './letter-schema.js';

export const SCHEMA_NAMES = ['brief', 'sectie', 'config'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/**
 * JSON Schemas generated from the same zod schemas that validate the files, so an
 * editor completes and checks exactly what a build accepts. `config` is the letter's
 * schema with every field optional: the config file holds shared defaults.
 */
export function jsonSchema(name: SchemaName): Record<string, unknown> {
  const schema = name === 'brief' ? letterSchema : name === 'sectie' ? sectionSchema : letterSchema.partial();
  const title = {
    brief: 'Front matter of brief.md (voortgangsbrief)',
    sectie: 'Front matter of a file in secties/ or bijlagen/ (voortgangsbrief)',
    config: 'voortgangsbrief.config.yaml',
  }[name];
  // io "input": the schema describes what authors write, before defaults and transforms.
  return { title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) };
}
