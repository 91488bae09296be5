import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeProcess, type SpawnMeasurement, type SpawnOptions } from './timed-spawn.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO, 'bin/voortgangsbrief.js');

export interface CliOptions extends Partial<SpawnOptions> {
  /**
   * The parse cache the run sees: "empty" (the default: a fresh folder per run, as on a
   * CI machine without a cache; the run still fills it), or a folder kept between runs.
   */
  cache?: 'empty' | string;
}

/** The CLI's environment for one run: the parse cache pointed where the measurement wants it. */
async function withCache<T>(options: CliOptions, run: (o: Partial<SpawnOptions>) => Promise<T>): Promise<T> {
  const { cache = 'empty', ...spawnOptions } = options;
  const dir = cache === 'empty' ? mkdtempSync(path.join(os.tmpdir(), 'voortgangsbrief-bench-cache-')) : cache;
  try {
    return await run({ ...spawnOptions, env: { ...(spawnOptions.env ?? process.env), VOORTGANGSBRIEF_CACHE: dir } });
  } finally {
    if (cache === 'empty') rmSync(dir, { recursive: true, force: true });
  }
}

/** One cold `voortgangsbrief build` of the given projects, started with bare node as a user would. */
export function timeBuild(dirs: readonly string[], out: string, options: CliOptions = {}): Promise<SpawnMeasurement> {
  return withCache(options, (o) => timeProcess(process.execPath, [CLI, 'build', ...dirs, '--out', out, '--quiet'], { cwd: REPO, ...o }));
}

/** One cold `voortgangsbrief check`: no browser at all (P7). */
export function timeCheck(dir: string, options: CliOptions = {}): Promise<SpawnMeasurement> {
  return withCache(options, (o) => timeProcess(process.execPath, [CLI, 'check', dir, '--quiet'], { cwd: REPO, ...o }));
}

export interface BuiltDocument {
  pdf: string;
  html: string;
  pages: number;
  footnotes: number;
}

/** An untimed build with --json, for what it made: the page counts, the HTML to print natively. */
export async function buildDocuments(dirs: readonly string[], out: string, options: CliOptions = {}): Promise<BuiltDocument[]> {
  const { stdout } = await withCache(options, (o) =>
    timeProcess(process.execPath, [CLI, 'build', ...dirs, '--out', out, '--json'], { cwd: REPO, ...o }),
  );
  return (JSON.parse(stdout) as { documents: BuiltDocument[] }).documents;
}
