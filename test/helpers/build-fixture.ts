import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export function tempDir(prefix = 'vb-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A writable copy of a fixture project, so a test may change it. */
export function copyFixture(name: string): string {
  const dir = tempDir(`vb-${name.replace(/[\\/]/g, '-')}-`);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Builds a project with the run's shared browser into a fresh output folder. */
export async function buildWithSharedBrowser(dir: string, out = tempDir('vb-out-')): Promise<BuildResult> {
  return build({ dir, out, browserWSEndpoint: inject('browserWSEndpoint') });
}
