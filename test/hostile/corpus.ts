import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../helpers/build-fixture.js';
import { generateCase } from './generators.js';

/** What test/fixtures/errors/<case>/expected.json says the diagnostic must be. */
export interface Expected {
  /** Relative to the case folder. */
  file: string;
  line: number;
  /** Left out where a column means nothing (a CSV row). */
  column?: number;
  /** A substring of the message. */
  message: string;
  /** How many diagnostics the mistake gives; default 1. */
  diagnostics?: number;
  /** A generator in generators.ts adds files at test time (large inputs, symlinks). */
  generate?: string;
  /** check() must come to its verdict within this many milliseconds. */
  maxMs?: number;
  /** The file must start with a UTF-8 BOM / use CRLF line ends: guards the case against editors and git. */
  bom?: boolean;
  crlf?: boolean;
  /**
   * A warning that only the rendered pages show (content wider than the text column):
   * the CLI case runs `build --strict`, which makes it an error; check(), without a
   * browser, cannot see it and leaves the case out.
   */
  strict?: boolean;
}

export const ERRORS = path.join(FIXTURES, 'errors');

export const CASES = readdirSync(ERRORS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

export function readExpected(name: string): Expected {
  return JSON.parse(readFileSync(path.join(ERRORS, name, 'expected.json'), 'utf8')) as Expected;
}

/** The project folder of a case: the fixture itself, or a generated copy. */
export function caseProject(name: string, expected: Expected = readExpected(name)): string {
  const dir = path.join(ERRORS, name);
  return expected.generate ? generateCase(dir, expected.generate) : dir;
}
