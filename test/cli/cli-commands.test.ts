import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildWithSharedBrowser, copyFixture, tempDir } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), color: false }, out, err };
}

/** Every file under dir (relative path → text). */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const file = path.join(e.parentPath, e.name);
        return [path.relative(dir, file), readFileSync(file, 'utf8')];
      }),
  );
}

describe('voortgangsbrief init', () => {
  for (const type of ['kamerbrief', 'voortgangsbrief']) {
    it(`scaffolds a ${type} that passes check and builds straight away`, async () => {
      const dir = path.join(tempDir(), 'nieuwe-brief');
      const c = capture();
      expect(await main(['init', dir, '--type', type], c.io)).toBe(0);
      expect(existsSync(path.join(dir, 'brief.md'))).toBe(true);
      expect(existsSync(path.join(dir, 'data', 'cijfers.yaml'))).toBe(true);
      const checked = capture();
      expect(await main(['check', dir, '--strict'], checked.io)).toBe(0);
      const result = await buildWithSharedBrowser(dir);
      const pdf = await readPdf(result.documents[0]!.pdf);
      expect(pdf.pages[0]!.text).toContain('12.500 deelnemers');
      expect(pdf.pages.some((p) => p.text.includes('Bijlage 1. '))).toBe(type === 'voortgangsbrief');
    });
  }

  it('adds a repository around an existing letter without touching a file of it, and refuses an unknown type', async () => {
    const dir = copyFixture('minimal');
    const before = snapshot(dir);
    writeFileSync(path.join(dir, 'README.md'), '# Onze brief\n');
    const c = capture();
    expect(await main(['init', dir, '--tool', 'file:../voortgangsbrief.tgz'], c.io)).toBe(0);
    // Every file of the letter is as it was, the README too; no example section was slipped in.
    for (const [rel, content] of Object.entries(before)) expect(readFileSync(path.join(dir, rel), 'utf8'), rel).toBe(content);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# Onze brief\n');
    expect(Object.keys(snapshot(dir)).filter((f) => !(f in before)).sort()).toEqual([
      '.github/workflows/brief.yml', '.gitignore', '.gitlab-ci.yml', '.vscode/extensions.json', '.vscode/settings.json', 'README.md', 'package.json',
    ]);
    expect(c.err.join('\n')).toMatch(/kept as they were: .*README\.md/);
    const t = capture();
    expect(await main(['init', path.join(tempDir(), 'x'), '--type', 'memo'], t.io)).toBe(2);
    expect(t.err.join('\n')).toMatch(/kamerbrief, voortgangsbrief/);
    expect(await main(['init'], capture().io)).toBe(2);
  });
});

describe('voortgangsbrief check --strict', () => {
  it('turns warnings into errors', async () => {
    const dir = copyFixture('minimal');
    writeFileSync(path.join(dir, 'secties', '02-los.md'), '---\ntitel: Los\n---\nTekst.\n\n[^nooit]: Nooit aangeroepen.\n');
    const lenient = capture();
    expect(await main(['check', dir], lenient.io)).toBe(0);
    expect(lenient.err.join('\n')).toMatch(/02-los\.md:6:1: warning: footnote \[\^nooit\] is defined but never called/);
    const strict = capture();
    expect(await main(['check', dir, '--strict'], strict.io)).toBe(1);
    expect(strict.err.join('\n')).toMatch(/02-los\.md:6:1: error:/);
  });
});

describe('voortgangsbrief schema', () => {
  it('prints JSON Schemas generated from the validating schemas', async () => {
    const brief = capture();
    expect(await main(['schema'], brief.io)).toBe(0);
    const schema = JSON.parse(brief.out[0]!);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.required).toEqual(['datum']);
    // A letter needs its letterhead fields, a printed Kamerstuk only its signatures, a rapport its titel.
    expect(schema.allOf).toContainEqual({ if: { properties: { type: { const: 'rapport' } }, required: ['type'] }, then: { required: ['titel'] } });
    expect(schema.allOf).toContainEqual({
      if: { properties: { type: { enum: ['kamerstuk', 'eerste-kamer'] } }, required: ['type'] },
      then: { required: ['ondertekening'] },
    });
    expect(JSON.stringify(schema.allOf)).toContain('["afzender","betreft","onze_referentie","ondertekening"]');
    expect(schema.properties.datum.description).toMatch(/YYYY-MM-DD/);
    expect(schema.properties.afzender.additionalProperties).toBe(false);

    const sectie = capture();
    expect(await main(['schema', 'sectie'], sectie.io)).toBe(0);
    expect(JSON.parse(sectie.out[0]!).required).toEqual(['titel']);

    const config = capture();
    expect(await main(['schema', 'config'], config.io)).toBe(0);
    expect(JSON.parse(config.out[0]!).required ?? []).toEqual([]);

    const moties = capture();
    expect(await main(['schema', 'moties'], moties.io)).toBe(0);
    const motie = JSON.parse(moties.out[0]!).items;
    expect(motie.properties.status.enum).toEqual(['openstaand', 'deels voldaan', 'voldaan', 'deels afgedaan', 'afgedaan', 'vervallen']);
    const bronnen = capture();
    expect(await main(['schema', 'bronnen'], bronnen.io)).toBe(0);
    expect(JSON.stringify(JSON.parse(bronnen.out[0]!))).toContain('"staatscourant"');

    expect(await main(['schema', 'onzin'], capture().io)).toBe(2);
  });
});

describe('the Node API', () => {
  it('exports build and check under the package name', async () => {
    const api = await import('voortgangsbrief');
    expect(typeof api.build).toBe('function');
    expect(typeof api.check).toBe('function');
    const result = api.check({ dir: copyFixture('minimal') });
    expect(result.documents[0]!.footnotes).toBe(3);
  });
});
