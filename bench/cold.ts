import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PeakMemory } from './proc-tree.js';
import { alternate } from './alternate.js';
import { timeBuild } from './cli-build.js';
import { timeProcess, type SpawnMeasurement } from './timed-spawn.js';

/** Everything a cold run needs: two ready-to-spawn command lines. */
export interface ColdSetup {
  repo: string;
  /** The letter project to build (the example letter is the repo root). */
  letter: string;
  /** Where the CLI writes; overwritten each run. */
  outDir: string;
  /** Compiled native-print.js (see compile-native.ts). */
  nativeScript: string;
  /** The final HTML the CLI wrote, next to its assets. */
  htmlFile: string;
  nativePdf: string;
}

export interface ColdTimes {
  cli: number[];
  native: number[];
}

export interface ColdMemory {
  cli: PeakMemory[];
  native: PeakMemory[];
}

type Runner = () => Promise<SpawnMeasurement>;

function runners(s: ColdSetup, sampleMemory: boolean): { cli: Runner; native: Runner } {
  // Trailing slash: native-print resolves module paths against it.
  const distUrl = `${pathToFileURL(path.join(s.repo, 'dist')).href}/`;
  return {
    cli: () =>
      timeBuild([s.letter], s.outDir, { sampleMemory }),
    native: () => timeProcess(process.execPath, [s.nativeScript, distUrl, s.htmlFile, s.nativePdf], { cwd: s.repo, sampleMemory }),
  };
}

/** One discarded run of each first: the first spawn pays for a cold page cache. */
export async function measureColdTimes(s: ColdSetup, rounds: number, log: (m: string) => void): Promise<ColdTimes> {
  const r = runners(s, false);
  await r.cli();
  await r.native();
  const { as, bs } = await alternate(rounds, r.cli, r.native, (i) => log(`cold round ${i + 1}/${rounds}`));
  return { cli: as.map((m) => m.ms), native: bs.map((m) => m.ms) };
}

/**
 * Separate runs for memory: sampling /proc every 50 ms costs CPU on a 2-core machine,
 * so it would slow the very runs it watched if combined with timing.
 */
export async function measureColdMemory(s: ColdSetup, rounds: number, log: (m: string) => void): Promise<ColdMemory> {
  const r = runners(s, true);
  const { as, bs } = await alternate(rounds, r.cli, r.native, (i) => log(`memory round ${i + 1}/${rounds}`));
  const peaks = (ms: SpawnMeasurement[]): PeakMemory[] => ms.map((m) => m.peak ?? { rssMB: 0, pssMB: 0 });
  return { cli: peaks(as), native: peaks(bs) };
}
