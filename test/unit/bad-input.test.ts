import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/build.js';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { FIXTURES } from '../helpers/build-fixture.js';

/** What test/fixtures/errors/<case>/expected.json says the first diagnostic must be. */
interface Expected {
  /** Relative to the case folder. */
  file: string;
  line: number;
  /** Left out where a column means nothing (a CSV row). */
  column?: number;
  /** A substring of the message. */
  message: string;
}

const ERRORS = path.join(FIXTURES, 'errors');
const cases = readdirSync(ERRORS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function firstDiagnostic(dir: string) {
  try {
    check({ dir });
  } catch (err) {
    // Anything but an InputError would reach the author as an internal error with a stack.
    expect(err).toBeInstanceOf(InputError);
    const d = (err as InputError).diagnostics[0];
    expect(d).toBeDefined();
    return d!;
  }
  throw new Error(`check() accepted the broken project ${dir}`);
}

describe('bad input: one author mistake per project in test/fixtures/errors', () => {
  it('has the whole corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(19);
  });

  it.each(cases)('%s', (name) => {
    const dir = path.join(ERRORS, name);
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
    const d = firstDiagnostic(dir);
    expect(path.isAbsolute(d.file), `file ${d.file} is absolute`).toBe(true);
    expect(d.file.endsWith(path.sep + path.join(name, expected.file)), `${d.file} is ${name}/${expected.file}`).toBe(true);
    expect(d.severity).toBe('error');
    expect({ line: d.line, ...(expected.column === undefined ? {} : { column: d.column }) }).toEqual({
      line: expected.line,
      ...(expected.column === undefined ? {} : { column: expected.column }),
    });
    expect(d.message).toContain(expected.message);
    expect(d.hint?.trim()).toBeTruthy();
  });
});
