import path from 'node:path';
import { alternate } from './alternate.js';
import { generateLetter } from './generate-letter.js';
import { timeBuild } from './cli-build.js';

export const BATCH_SIZE = 20;

export interface BatchTimes {
  /** One `build` run of all letters. */
  batch: number[];
  /** One `build` run of one letter (the first of the batch). */
  single: number[];
  letters: number;
}

/**
 * P4: twenty letters in one build run (one browser, documents printed in parallel)
 * against twenty times one letter built on its own, both cold, alternating. The
 * letters are generated with different seeds, each about as long as the reference.
 */
export async function measureBatch(scratch: string, pages: number, rounds: number, log: (m: string) => void): Promise<BatchTimes> {
  const dirs = Array.from({ length: BATCH_SIZE }, (_, i) =>
    generateLetter(path.join(scratch, 'batch', `brief-${String(i + 1).padStart(2, '0')}`), { pages, seed: 1000 + i }).dir,
  );
  const out = path.join(scratch, 'batch-output');
  const batch = () => timeBuild(dirs, out);
  const single = () => timeBuild([dirs[0]!], path.join(scratch, 'single-output'));
  await batch();
  await single();
  const { as, bs } = await alternate(rounds, batch, single, (i) => log(`batch round ${i + 1}/${rounds}`));
  return { batch: as.map((m) => m.ms), single: bs.map((m) => m.ms), letters: dirs.length };
}
