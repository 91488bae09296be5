import type { RunnerWarning } from './contract.js';

/** What the author should hear about, collected during pagination and reported at the end. */
export const warnings: RunnerWarning[] = [];
