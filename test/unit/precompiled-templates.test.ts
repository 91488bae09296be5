import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../src/layout/load-templates.js';
import { PRECOMPILED_TEMPLATES, precompiledTemplate, writePrecompiledTemplates } from '../../src/templates/precompiled-templates.js';
import { partialCalls } from '../../src/templates/template-source.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vb-precompiled-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const layout = path.join(BUILTIN_TEMPLATES, 'brief.hbs');
const partial = path.join(BUILTIN_TEMPLATES, 'partials', 'sectie.hbs');

describe('the built-in templates compiled by the build', () => {
  it('are the templates as they are now, compiled as loadLayout compiles them', () => {
    // A build that left an old file behind after a template changed would show here.
    const fresh = path.join(dir, 'fresh.cjs');
    writePrecompiledTemplates(fresh);
    expect(readFileSync(PRECOMPILED_TEMPLATES, 'utf8')).toBe(readFileSync(fresh, 'utf8'));
  });

  it('render what the template compiled from its source renders, and error the same in strict mode', () => {
    const hb = Handlebars.create();
    const source = readFileSync(partial, 'utf8');
    const built = precompiledTemplate(hb, partial, source);
    expect(built).toBeDefined();
    expect(built!.calls).toEqual(partialCalls(hb.parse(source)));
    const compiled = hb.compile(hb.parse(source), { strict: true });
    const render = (t: HandlebarsTemplateDelegate, ctx: unknown) => {
      try {
        return t(ctx);
      } catch (err) {
        return `error: ${(err as Error).message}`;
      }
    };
    for (const ctx of [{}, { markering: 'm1', id: 's1', kop: 'Kop & <zo>', html: '<p>tekst</p>', nummer: 2, klasse: 'x' }, { markering: 'm2', id: 's2', kop: 'K', html: '', nummer: 0, klasse: '' }]) expect(render(built!.template, ctx)).toBe(render(compiled, ctx));
  });

  it('are not used for a changed file, a project file, or another Handlebars', () => {
    const hb = Handlebars.create();
    const source = readFileSync(layout, 'utf8');
    expect(precompiledTemplate(hb, layout, source)).toBeDefined();
    expect(precompiledTemplate(hb, layout, `${source}\n`)).toBeUndefined();
    // The same text in a project's own templates/ is the project's, and compiled there.
    expect(precompiledTemplate(hb, path.join(dir, 'templates', 'brief.hbs'), source)).toBeUndefined();
    const other = path.join(dir, 'other.cjs');
    writeFileSync(other, readFileSync(PRECOMPILED_TEMPLATES, 'utf8').replace(`handlebars: ${JSON.stringify(Handlebars.VERSION)}`, 'handlebars: "3.0.0"'));
    expect(precompiledTemplate(hb, layout, source, other)).toBeUndefined();
    expect(precompiledTemplate(hb, layout, source, path.join(dir, 'missing.cjs'))).toBeUndefined();
  });
});
