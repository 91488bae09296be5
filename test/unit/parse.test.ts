import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { decodeText } from '../../src/parse/decode-text.js';
import { parseDataFile } from '../../src/parse/parse-data-file.js';
import { parseSectionText } from '../../src/parse/parse-section.js';
import { parseYaml } from '../../src/parse/parse-yaml.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'vb-parse-'));
function file(name: string, content: string | Buffer): string {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
}

function diagnosticOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).diagnostics[0]!;
  }
  throw new Error('expected an InputError');
}

describe('parseSectionText', () => {
  it('splits front matter and body and knows where the body starts', () => {
    const s = parseSectionText('---\ntitel: Inleiding\nvolgorde: 2\n---\nEerste regel\n', 'a.md');
    expect(s.frontMatter.value).toEqual({ titel: 'Inleiding', volgorde: 2 });
    expect(s.body).toBe('Eerste regel\n');
    expect(s.bodyLine).toBe(5);
  });

  it('locates front matter fields at their line in the Markdown file', () => {
    const s = parseSectionText('---\ntitel: Inleiding\nafzender:\n  website: x\n---\n', 'a.md');
    // A key's range covers the key ("website"); a value's covers the value.
    expect(s.frontMatter.locate(['afzender', 'website'])).toEqual({ file: 'a.md', line: 4, column: 3, end: { line: 4, column: 10 } });
    expect(s.frontMatter.locate(['afzender', 'website'], 'value')).toEqual({ file: 'a.md', line: 4, column: 12, end: { line: 4, column: 13 } });
    // A missing field points at its nearest ancestor.
    expect(s.frontMatter.locate(['afzender', 'directie']).line).toBe(3);
  });

  it('reads a file without front matter as all body', () => {
    const s = parseSectionText('Alleen tekst', 'b.md');
    expect(s.frontMatter.value).toEqual({});
    expect(s.bodyLine).toBe(1);
  });

  it('reports YAML syntax errors at their line in the Markdown file', () => {
    const d = diagnosticOf(() => parseSectionText('---\ntitel: a\nbetreft: "open\n---\nx', 'c.md'));
    expect(d.file).toBe('c.md');
    expect(d.line).toBeGreaterThanOrEqual(3);
    expect(d.message).toMatch(/YAML/);
  });

  it('reports front matter that is never closed', () => {
    expect(diagnosticOf(() => parseSectionText('---\ntitel: a\n', 'd.md')).message).toMatch(/never closed/);
  });

  it('rejects duplicate keys', () => {
    const d = diagnosticOf(() => parseYaml('a: 1\na: 2\n', 'e.yaml'));
    expect(d.line).toBe(2);
    expect(d.hint).toMatch(/once/);
  });
});

describe('decodeText', () => {
  it('drops a BOM and normalises CRLF', () => {
    expect(decodeText(Buffer.from('\uFEFFa\r\nb\rc', 'utf8'), 'x')).toBe('a\nb\nc');
  });

  it('rejects text that is not UTF-8 at the position of the first bad byte', () => {
    const d = diagnosticOf(() => decodeText(Buffer.from('regel 1\ncaf\xe9\n', 'latin1'), 'l.md'));
    expect(d).toMatchObject({ line: 2, column: 4 });
    expect(d.hint).toMatch(/UTF-8/);
  });
});

describe('parseDataFile', () => {
  it('reads YAML, JSON and CSV under the file name as key', () => {
    expect(parseDataFile(file('cijfers.yaml', 'a: 90000\n')).value).toEqual({ a: 90000 });
    expect(parseDataFile(file('reeks.json', '{"b": [1, 2]}')).key).toBe('reeks');
    const csv = parseDataFile(file('tabel.csv', 'jaar,aantal\n2023,90000\n2024,91000\n'));
    expect(csv.value).toEqual([
      { jaar: '2023', aantal: '90000' },
      { jaar: '2024', aantal: '91000' },
    ]);
  });

  it('reports JSON syntax errors with line and column', () => {
    const d = diagnosticOf(() => parseDataFile(file('kapot.json', '{\n  "a": 1,\n  "b": }\n')));
    expect(d.line).toBe(3);
    expect(d.message).toMatch(/JSON/);
  });

  it('reports a ragged CSV row at its line', () => {
    const d = diagnosticOf(() => parseDataFile(file('rafel.csv', 'a,b\n1,2\n3\n')));
    expect(d.line).toBe(3);
  });

  it('refuses file names that cannot be template variables', () => {
    expect(diagnosticOf(() => parseDataFile(file('mijn-data.yaml', 'a: 1'))).hint).toMatch(/mijn_data/);
  });
});
