import { TWEEDE_KAMER } from './letter-schema.js';

/** The lowest layer of the data cascade: what a letter gets when nobody says otherwise. */
export const DEFAULTS: Record<string, unknown> = {
  geadresseerde: TWEEDE_KAMER,
  uitvoer: { naam: 'brief' },
};
