import { z } from 'zod';

export const tekst = z.string().trim().min(1, 'may not be empty');
export const regels = z.array(tekst).min(1, 'needs at least one line');

/** An ISO date that exists on the calendar (2025-02-30 does not). */
export const isoDatum = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD, e.g. 2025-06-30')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a date on the calendar');
