import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { InputError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { CASES, caseProject, readExpected } from '../hostile/corpus.js';

// Each case in test/fixtures/errors is a project with one mistake and an expected.json
// (format: test/hostile/corpus.ts). Cases that need megabytes or symlinks are generated.

function diagnosticsOf(dir: string): Diagnostic[] {
  try {
    check({ dir });
  } catch (err) {
    // Anything but an InputError would reach the author as an internal error with a stack.
    if (!(err instanceof InputError)) throw err;
    return err.diagnostics;
  }
  throw new Error(`check() accepted the broken project ${dir}`);
}

describe('bad input: one author mistake per project in test/fixtures/errors', () => {
  it('has the whole corpus', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  // Cases that only a render shows (expected.strict) are the CLI corpus's alone.
  it.each(CASES.filter((name) => !readExpected(name).strict))('%s', (name) => {
    const expected = readExpected(name);
    const dir = caseProject(name, expected);
    if (expected.bom || expected.crlf) {
      const source = readFileSync(path.join(dir, expected.file));
      if (expected.bom) expect(source.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'starts with a UTF-8 BOM').toBe(true);
      if (expected.crlf) expect(source.includes('\r\n'), 'has CRLF line ends').toBe(true);
    }

    const started = performance.now();
    const all = diagnosticsOf(dir);
    if (expected.maxMs) expect(performance.now() - started).toBeLessThan(expected.maxMs);
    expect(all.map((d) => `${path.relative(dir, d.file)}:${d.line}:${d.column} ${d.message}`)).toHaveLength(expected.diagnostics ?? 1);
    const d = all[0]!;
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
