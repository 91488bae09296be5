import type { z } from 'zod';
import { validateAt as validateWith, type Locate } from '../diagnostics/validate-at.js';
import { FIELD_EXAMPLES } from './letter-schema.js';

/** validateAt with the hints of the letter's own fields. */
export function validateAt<S extends z.ZodType>(schema: S, value: unknown, locate: Locate): z.output<S> {
  return validateWith(schema, value, locate, FIELD_EXAMPLES);
}
