import path from 'node:path';
import type { PeakMemory } from './proc-tree.js';
import { alternate, rotate } from './alternate.js';
import { timeBuild, timeCheck } from './cli-build.js';
import type { NativePrinter } from './native-cli.js';
import type { SpawnMeasurement } from './timed-spawn.js';

/** A letter project with the final HTML a build of it wrote (scripts removed, beside its assets). */
export interface ColdLetter {
  dir: string;
  nativeHtml: string;
}

/** Everything the cold runs need. */
export interface ColdSetup {
  /** The bundled example (the repository root): P1, P2, P6, P7. */
  example: ColdLetter;
  /** The generated reference letter: P1 against it, for comparison with earlier runs. */
  reference: ColdLetter;
  shell: NativePrinter;
  /** `chromium --headless=new`, when installed. */
  headlessNew: NativePrinter | undefined;
  /** Where timed builds write; overwritten each run. */
  outDir: string;
  /** A parse cache kept from run to run (P1cached, P7cached). */
  warmCache: string;
  scratch: string;
}

export interface ColdTimes {
  /** Cold build of the example, empty parse cache: the P1 numerator. */
  build: number[];
  /** The same with a parse cache from an earlier run. */
  buildCached: number[];
  /** The headless shell printing the example's HTML: the P1 denominator. */
  shell: number[];
  headlessNew: number[] | undefined;
  buildReference: number[];
  shellReference: number[];
}

export interface CheckTimes {
  /** `check` of the example, empty parse cache (P7). */
  check: number[];
  checkCached: number[];
}

export interface ColdMemory {
  cli: PeakMemory[];
  native: PeakMemory[];
}

const ms = (runs: SpawnMeasurement[]): number[] => runs.map((m) => m.ms);

/** One discarded run of each first: the first spawn pays for a cold page cache (and fills the warm parse cache). */
export async function measureColdTimes(s: ColdSetup, rounds: number, log: (m: string) => void): Promise<ColdTimes> {
  const pdf = (name: string) => path.join(s.scratch, `${name}.pdf`);
  const runs: Record<string, () => Promise<SpawnMeasurement>> = {
    build: () => timeBuild([s.example.dir], s.outDir),
    buildCached: () => timeBuild([s.example.dir], s.outDir, { cache: s.warmCache }),
    shell: () => s.shell.print(s.example.nativeHtml, pdf('shell')),
    ...(s.headlessNew ? { headlessNew: () => s.headlessNew!.print(s.example.nativeHtml, pdf('new')) } : {}),
    buildReference: () => timeBuild([s.reference.dir], s.outDir),
    shellReference: () => s.shell.print(s.reference.nativeHtml, pdf('shell-reference')),
  };
  for (const run of Object.values(runs)) await run();
  const r = await rotate(rounds, runs, (i) => log(`cold round ${i + 1}/${rounds}`));
  return {
    build: ms(r.build!),
    buildCached: ms(r.buildCached!),
    shell: ms(r.shell!),
    headlessNew: r.headlessNew && ms(r.headlessNew),
    buildReference: ms(r.buildReference!),
    shellReference: ms(r.shellReference!),
  };
}

/** P7: `check` alone, a fresh process each time, with an empty and with a warm parse cache. */
export async function measureCheck(s: ColdSetup, rounds: number, log: (m: string) => void): Promise<CheckTimes> {
  const empty = () => timeCheck(s.example.dir);
  const cached = () => timeCheck(s.example.dir, { cache: s.warmCache });
  await empty();
  await cached();
  const { as, bs } = await alternate(rounds * 2, empty, cached, (i) => log(`check round ${i + 1}/${rounds * 2}`));
  return { check: ms(as), checkCached: ms(bs) };
}

/**
 * Separate runs for memory: sampling /proc every 50 ms costs CPU on a 2-core machine,
 * so it would slow the very runs it watched if combined with timing.
 */
export async function measureColdMemory(s: ColdSetup, rounds: number, log: (m: string) => void): Promise<ColdMemory> {
  const cli = () => timeBuild([s.example.dir], s.outDir, { sampleMemory: true });
  const native = () => s.shell.print(s.example.nativeHtml, path.join(s.scratch, 'shell-memory.pdf'), { sampleMemory: true });
  const { as, bs } = await alternate(rounds, cli, native, (i) => log(`memory round ${i + 1}/${rounds}`));
  const peaks = (ms: SpawnMeasurement[]): PeakMemory[] => ms.map((m) => m.peak ?? { rssMB: 0, pssMB: 0 });
  return { cli: peaks(as), native: peaks(bs) };
}
