import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { alternate } from './alternate.js';
import { timeProcess, type SpawnMeasurement } from './timed-spawn.js';

export interface WeasyTimes {
  version: string;
  build: number[];
  weasyprint: number[];
}

/** Debian's `weasyprint`, if installed (`npm run bench` tries to install it; see scripts/setup-bench.sh). */
export function findWeasyPrint(): { command: string; version: string } | undefined {
  try {
    const version = execFileSync('weasyprint', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { command: 'weasyprint', version };
  } catch {
    return undefined;
  }
}

/**
 * P2: the cold CLI build against WeasyPrint printing the same final HTML (the file the
 * build wrote, with its assets beside it), alternating. WeasyPrint ignores the
 * scripts and lays the page out with its own CSS engine, which supports the page
 * rules and footnotes natively; its output is not checked for fidelity.
 */
export async function measureWeasyPrint(
  build: () => Promise<SpawnMeasurement>,
  htmlFile: string,
  scratch: string,
  rounds: number,
  log: (m: string) => void,
): Promise<WeasyTimes | undefined> {
  const weasy = findWeasyPrint();
  if (!weasy) {
    log('weasyprint is not installed: P2 is null');
    return undefined;
  }
  const run = () => timeProcess(weasy.command, ['--quiet', htmlFile, path.join(scratch, 'weasyprint.pdf')], { cwd: path.dirname(htmlFile) });
  await run();
  const { as, bs } = await alternate(rounds, build, run, (i) => log(`weasyprint round ${i + 1}/${rounds}`));
  return { version: weasy.version, build: as.map((m) => m.ms), weasyprint: bs.map((m) => m.ms) };
}
