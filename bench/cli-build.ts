import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeProcess, type SpawnMeasurement, type SpawnOptions } from './timed-spawn.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO, 'bin/voortgangsbrief.js');

/** One cold `voortgangsbrief build` of the given projects, started with bare node as a user would. */
export function timeBuild(dirs: readonly string[], out: string, options: Partial<SpawnOptions> = {}): Promise<SpawnMeasurement> {
  return timeProcess(process.execPath, [CLI, 'build', ...dirs, '--out', out, '--quiet'], { cwd: REPO, ...options });
}

export interface BuiltDocument {
  pdf: string;
  html: string;
  pages: number;
  footnotes: number;
}

/** An untimed build with --json, for what it made: the page counts, the HTML to print natively. */
export async function buildDocuments(dirs: readonly string[], out: string): Promise<BuiltDocument[]> {
  const { stdout } = await timeProcess(process.execPath, [CLI, 'build', ...dirs, '--out', out, '--json'], { cwd: REPO });
  return (JSON.parse(stdout) as { documents: BuiltDocument[] }).documents;
}
