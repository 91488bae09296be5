import path from 'node:path';
import { alternate } from './alternate.js';
import { generateLetter } from './generate-letter.js';
import { buildDocuments, timeBuild } from './cli-build.js';

export interface LongReportTimes {
  short: number[];
  long: number[];
  pages: { short: number; long: number };
  footnotes: { short: number; long: number };
}

/**
 * P5: does the cost grow linearly with length? Two generated reports, about 100 and
 * 200 pages, both with footnotes on most paragraphs and a table per section, each
 * built cold by the CLI, alternating.
 */
export async function measureLongReports(scratch: string, rounds: number, log: (m: string) => void): Promise<LongReportTimes> {
  const short = generateLetter(path.join(scratch, 'rapport-100'), { pages: 100, seed: 100 }).dir;
  const long = generateLetter(path.join(scratch, 'rapport-200'), { pages: 200, seed: 200 }).dir;
  const build = (dir: string) => timeBuild([dir], path.join(dir, 'output'));
  // Untimed first builds: they warm the page cache and tell the page counts.
  const [s] = await buildDocuments([short], path.join(short, 'output'));
  const [l] = await buildDocuments([long], path.join(long, 'output'));
  if (!s || !l) throw new Error('a long report rendered no document');
  const { as, bs } = await alternate(rounds, () => build(short), () => build(long), (i) => log(`long reports round ${i + 1}/${rounds}`));
  return {
    short: as.map((m) => m.ms),
    long: bs.map((m) => m.ms),
    pages: { short: s.pages, long: l.pages },
    footnotes: { short: s.footnotes, long: l.footnotes },
  };
}
