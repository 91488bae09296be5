import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { main } from '../../src/cli/main.js';
import { InputError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { codeFrameOf } from '../../src/diagnostics/format-diagnostic.js';
import { expandTemplate } from '../../src/markdown/expand-template.js';
import { createHandlebars } from '../../src/templates/create-handlebars.js';
import { copyFixture, FIXTURES } from '../helpers/build-fixture.js';

function errorsOf(dir: string): Diagnostic[] {
  try {
    check({ dir });
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).diagnostics;
  }
  throw new Error(`check() accepted ${dir}`);
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), color: false }, out, err };
}

/** 1-based line and column of `needle` in a file, as an editor shows them. */
function positionIn(file: string, needle: string): { line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(needle);
  expect(at, `${needle} in ${file}`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('positions through template expansion', () => {
  const dir = path.join(FIXTURES, 'positions');
  const file = path.join(dir, 'secties', '01-posities.md');
  const errors = errorsOf(dir);

  it('reports a mistake below an {{#each}} and a multi-line helper on the line the author wrote', () => {
    // The {{#each}} writes three rows of two lines and {{reekstabel}} a table of six: the
    // image stands on line 15 of the file, but some 25 lines down in the expanded text.
    const alt = errors.find((d) => d.message.includes('has no alt text'));
    expect(alt).toMatchObject({ file, ...positionIn(file, '![](grafiek.svg)'), end: { line: 15, column: 17 } });
  });

  it('keeps the column behind a helper that made the line longer', () => {
    // {{bedrag 118000000 groot=true}} (31 characters) became "€ 118 miljoen" (13).
    const note = errors.find((d) => d.message.includes('[^nergens]'));
    const at = positionIn(file, '[^nergens]');
    expect(note).toMatchObject({ file, ...at, end: { line: at.line, column: at.column + '[^nergens]'.length } });
  });

  it('shows the code frame of the author\'s own line, with carets under the range', () => {
    const alt = errors.find((d) => d.message.includes('has no alt text'))!;
    const frame = codeFrameOf(alt, readFileSync(file, 'utf8'))!;
    expect(frame).toContain('> 15 | ![](grafiek.svg)');
    expect(frame.split('\n')).toContain('       | ^^^^^^^^^^^^^^^^');
  });

  it('reports both mistakes of the section in one run', () => {
    expect(errors.map((d) => d.line)).toEqual([13, 15]);
  });

  it('maps a mistake inside an {{#each}} row to the row as written, for every row', () => {
    const project = copyFixture('positions');
    const section = path.join(project, 'secties', '01-posities.md');
    writeFileSync(section, '---\ntitel: Rijen\n---\n{{#each regio}}\n\n![]({{naam}}.svg)\n{{/each}}\n');
    const found = errorsOf(project).filter((d) => d.message.includes('has no alt text'));
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual(['6:1', '6:1', '6:1']);
    expect(found.map((d) => d.message)).toEqual(['image Noord.svg has no alt text', 'image Oost.svg has no alt text', 'image Zuid.svg has no alt text']);
  });

  it('reports a mistake in a layout partial at its own file and line', () => {
    const project = copyFixture('register');
    const partial = path.join(project, 'templates', 'partials', 'ondertekening.hbs');
    mkdirSync(path.dirname(partial), { recursive: true });
    const builtIn = readFileSync(path.join(FIXTURES, '..', '..', 'templates', 'partials', 'ondertekening.hbs'), 'utf8');
    writeFileSync(partial, `${builtIn}\n<p>{{onbekend_veld}}</p>\n`, { flag: 'w' });
    const d = errorsOf(project)[0]!;
    expect(d).toMatchObject({ file: partial, line: builtIn.split('\n').length + 1 });
  });
});

describe('the code frame', () => {
  const d = (column: number, end?: number): Diagnostic => ({
    file: 'x.md',
    line: 2,
    column,
    ...(end === undefined ? {} : { end: { line: 2, column: end } }),
    severity: 'error',
    message: 'm',
  });
  const caretLine = (frame: string | undefined) => frame!.split('\n').find((l) => l.includes('^'))!;

  // A mutation that drew the caret one column off passed the suite before this test.
  it('puts the caret under the column, and carets under the whole range', () => {
    const text = 'eerste regel\nabcdefghij\nderde';
    expect(caretLine(codeFrameOf(d(4), text))).toBe('      | ' + '   ^');
    expect(caretLine(codeFrameOf(d(1), text))).toBe('      | ^');
    expect(caretLine(codeFrameOf(d(3, 7), text))).toBe('      | ' + '  ^^^^');
    const frame = codeFrameOf(d(4), text)!.split('\n');
    const shown = frame.find((l) => l.startsWith('  > 2 | '))!;
    const caret = frame[frame.indexOf(shown) + 1]!;
    expect(shown.slice(caret.indexOf('^'))).toMatch(/^d/);
  });

  it('keeps tabs in the padding, so the caret stands under the character in any terminal', () => {
    expect(caretLine(codeFrameOf(d(3), 'x\n\t\tfout\n'))).toBe('      | \t\t^');
  });

  it('has no frame for a whole-file diagnostic or a line past the end', () => {
    expect(codeFrameOf({ ...d(1), line: 9 }, 'een\ntwee')).toBeUndefined();
  });
});

describe('template expansion keeps the text exactly', () => {
  const hb = createHandlebars();
  const data = { rows: [{ a: 1 }, { a: 2 }], leeg: [], vlag: true, naam: 'x' };
  it.each([
    'Tekst {{naam}} en meer\nop twee regels',
    '{{#each rows}}\n- {{a}}\n{{/each}}\nna',
    '  {{#if vlag}}\n  binnen\n  {{else}}\n  buiten\n  {{/if}}\n',
    '{{#each leeg}}\nx\n{{else}}\nniets\n{{/each}}',
    'a {{~naam~}} b\n{{!-- commentaar --}}\nc',
    '{{#with rows}}{{#each this}}{{a}},{{/each}}{{/with}}',
    '{{bedrag 118000000 groot=true}} en {{getal 90000}}',
  ])('%j', (body) => {
    const source = { file: '/x/s.md', body, bodyLine: 4, meta: { opmaak: 'bijlage' as const, titel: 't', inhoudsopgave: false, antwoorden: false } };
    expect(expandTemplate(hb, source, data).text).toBe(createHandlebars().compile(body, { strict: true })(data));
  });

  // A mutation that ignored groot=true passed the suite before this test.
  it('writes a large amount with groot=true', () => {
    expect(hb.compile('{{bedrag 118000000 groot=true}}')({})).toBe('€ 118 miljoen');
    expect(hb.compile('{{bedrag 118000000}}')({})).toBe('€ 118.000.000');
  });
});

describe('helper options', () => {
  const project = () => copyFixture('register');
  const write = (dir: string, body: string) => {
    const file = path.join(dir, 'secties', '02-opties.md');
    writeFileSync(file, `---\ntitel: Opties\n---\n${body}\n`);
    return file;
  };

  it('refuses an unknown option at the option, and lists the valid ones', () => {
    const dir = project();
    const file = write(dir, 'Zie {{bron "stcrt-4318" inline=true}}.');
    const [d] = errorsOf(dir);
    expect(d).toMatchObject({ file, line: 4, column: 25, end: { line: 4, column: 36 }, rule: 'unknown-helper-option' });
    expect(d!.message).toBe('bron has no option "inline"');
    expect(d!.hint).toBe('bron takes: voetnoot=true|false');
  });

  it('refuses a value of the wrong type, as a literal and from data', () => {
    const dir = project();
    const file = write(dir, '{{bedrag 5 groot="ja"}} en {{grafiek "meldingen" soort="taart"}} en {{bedrag 5 groot=betreft}}');
    const found = errorsOf(dir);
    expect(found.map((d) => [d.line, d.column, d.message])).toEqual([
      [4, 18, 'option groot of bedrag must be true or false, without quotes; got "ja"'],
      [4, 56, 'option soort of grafiek must be one of "staaf", "lijn"; got "taart"'],
      [4, 69, 'option groot of bedrag must be true or false, without quotes; got "Verzamelbrief zeden en veiligheid van vrouwen"'],
    ]);
    expect(found[0]!.file).toBe(file);
    expect(found[1]!.hint).toBe('grafiek takes: soort="staaf"|"lijn", titel="…"');
  });

  it('declares every helper of the letter\'s Handlebars instance', async () => {
    const { HELPER_OPTIONS, BUILT_IN_HELPERS } = await import('../../src/templates/helpers/helper-options.js');
    const { documents } = check({ dir: path.join(FIXTURES, 'register') });
    expect(documents.length).toBeGreaterThan(0);
    const { renderParts } = await import('../../src/layout/render-parts.js');
    const { buildLetterModel } = await import('../../src/model/build-letter-model.js');
    const { AssetMap } = await import('../../src/model/asset-map.js');
    const parts = renderParts(buildLetterModel(path.join(FIXTURES, 'register')), new AssetMap(), []);
    const registered = Object.keys(parts.hb.helpers).filter((h) => !BUILT_IN_HELPERS.has(h));
    expect(registered.filter((h) => !(h in HELPER_OPTIONS))).toEqual([]);
  });

  it('tells to quote an unquoted date', () => {
    const dir = project();
    write(dir, 'Op {{datum 2024-05-24}} gebeurde het.');
    const [d] = errorsOf(dir);
    expect(d).toMatchObject({ line: 4, column: 12, rule: 'unquoted-date' });
    expect(d!.hint).toBe('put the date in quotes: "2024-05-24"');
  });
});

describe('all errors in one run', () => {
  it('reports independent mistakes in several files together, sorted by file and line', async () => {
    const dir = copyFixture('register');
    writeFileSync(path.join(dir, 'secties', '02-a.md'), '---\ntitel: A\n---\nEen {{onbekend}} en {{motie "bestaat-niet"}}.\n\n![](x.png)\n');
    writeFileSync(path.join(dir, 'secties', '03-b.md'), '---\ntitel: 12\nvolgorde: twee\n---\nTekst.\n');
    writeFileSync(path.join(dir, 'bijlagen', '02-c.md'), '---\ntitel: C\n---\nNoot.[^weg]\n');
    const c = capture();
    expect(await main(['check', dir], c.io)).toBe(1);
    const heads = c.err.filter((l) => /: error: /.test(l)).map((l) => l.split('\n')[0]!.replace(/^.*?((?:secties|bijlagen)\/)/, '$1'));
    expect(heads).toEqual([
      'bijlagen/02-c.md:4:6: error: footnote [^weg] is called but never defined',
      expect.stringMatching(/^secties\/02-a\.md:4:7: error: unknown template variable "onbekend"/),
      expect.stringMatching(/^secties\/02-a\.md:4:21: error: unknown motie "bestaat-niet"/),
      expect.stringMatching(/^secties\/02-a\.md:6:1: error: image x\.png has no alt text/),
      expect.stringMatching(/^secties\/02-a\.md:6:1: error: file not found/),
      expect.stringMatching(/^secties\/03-b\.md:2:8: error: field "titel"/),
      expect.stringMatching(/^secties\/03-b\.md:3:11: error: field "volgorde"/),
    ]);
    expect(c.err[c.err.length - 1]).toBe('\n7 errors; nothing was written.');
  });

  it('shows at most 50, says how many there are, and lists all of them in the JSON report', async () => {
    const dir = copyFixture('register');
    const lines = Array.from({ length: 60 }, (_, i) => `Regel {{onbekend_${i}}}.`);
    writeFileSync(path.join(dir, 'secties', '02-veel.md'), `---\ntitel: Veel\n---\n${lines.join('\n\n')}\n`);
    const c = capture();
    expect(await main(['check', dir], c.io)).toBe(1);
    expect(c.err.filter((l) => /: error: /.test(l))).toHaveLength(50);
    expect(c.err.join('\n')).toContain('… and 10 more; --json lists them all');
    expect(c.err[c.err.length - 1]).toBe('\n60 errors; nothing was written.');
    const j = capture();
    expect(await main(['check', dir, '--json'], j.io)).toBe(1);
    const report = JSON.parse(j.out[0]!) as { errors: Diagnostic[] };
    expect(report.errors).toHaveLength(60);
    expect(report.errors.map((d) => d.line)).toEqual(lines.map((_, i) => 4 + 2 * i));
  });
});

describe('messages', () => {
  it('says "missing" for a missing required field, also one that takes several shapes', () => {
    const dir = copyFixture('register');
    const brief = path.join(dir, 'brief.md');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace(/^onze_referentie: .*\n/m, '').replace(/^betreft: .*\n/m, ''));
    const messages = errorsOf(dir).map((d) => d.message);
    expect(messages).toEqual(['missing required field "betreft"', 'missing required field "onze_referentie"']);
  });

  it('warns about a bron that nothing cites, at the record', () => {
    const dir = copyFixture('register');
    const file = path.join(dir, 'data', 'bronnen.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}- id: ongebruikt\n  soort: staatscourant\n  jaar: 2024\n  nummer: 1\n`);
    const unused = check({ dir }).warnings.filter((w) => w.rule === 'unused-bron');
    expect(unused).toHaveLength(1);
    expect(unused[0]).toMatchObject({ file, ...positionIn(file, 'ongebruikt'), severity: 'warning', message: 'bron "ongebruikt" is not cited anywhere' });
  });
});

describe('the position map never changes the text', () => {
  it('leaves data that holds the marker characters as it is', () => {
    const hb = createHandlebars();
    const data = { naam: 'a\uE0000\uE001b' };
    const source = { file: '/x/s.md', body: 'Naam: {{{naam}}}.', bodyLine: 1, meta: { opmaak: 'bijlage' as const, titel: 't', inhoudsopgave: false, antwoorden: false } };
    expect(expandTemplate(hb, source, data).text).toBe('Naam: a\uE0000\uE001b.');
  });
});

describe('an image that is not where its path says', () => {
  it('is looked for beside its Markdown file; a path written from the project folder gets the one that works', () => {
    const dir = copyFixture('minimal');
    writeFileSync(path.join(dir, 'grafiek.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    writeFileSync(path.join(dir, 'secties', '02-beeld.md'), '---\ntitel: Beeld\n---\n![Grafiek](grafiek.svg)\n\n![Kaart](kaart.svg)\n');
    const found = errorsOf(dir).filter((d) => d.message.startsWith('file not found'));
    expect(found.map((d) => [d.message, d.hint])).toEqual([
      ['file not found: secties/grafiek.svg', "an image's path is read from the Markdown file's folder (secties/); for grafiek.svg in the project folder, write ../grafiek.svg"],
      ['file not found: secties/kaart.svg', "an image's path is read from the Markdown file's folder (secties/); correct the path or put the file there"],
    ]);
  });
});
