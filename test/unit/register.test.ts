import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { deadlineOf } from '../../src/records/deadline.js';
import { copyFixture, FIXTURES } from '../helpers/build-fixture.js';

const dir = path.join(FIXTURES, 'register');
const text = (html: string) => html.replace(/<[^>]+>/g, '');

function errorOf(project: string) {
  try {
    check({ dir: project });
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).diagnostics[0]!;
  }
  throw new Error('expected an InputError');
}

describe('records in prose', () => {
  const { documents, warnings } = check({ dir });
  const html = documents[0]!.html;

  it('names moties the way the Kamer does, with their citation as footnote', () => {
    expect(html).toContain(
      'de motie van de leden Van der Werf en Becker<span class="footnote vbfn-1" data-footnote="1">Kamerstukken II, 2024-2025, 29279, nr. 890.</span>',
    );
    expect(html).toContain('de motie van het lid Mutluer<span class="footnote vbfn-2"');
  });

  it('names a toezegging by bewindspersoon, debate and date, capitalised at the start of a sentence', () => {
    expect(text(html)).toContain(
      'De toezegging van de staatssecretaris van Justitie en Veiligheid tijdens het commissiedebat Zeden en (on)veiligheid van vrouwen van 16 oktober 2024Handelingen II, vergaderjaar 2024-2025, nr. 12, item 4.',
    );
  });

  it('cites a source again as "Zie voetnoot n"', () => {
    expect(html).toContain('Opnieuw de motie van de leden Van der Werf en Becker<span class="footnote vbfn-7" data-footnote="7">Zie voetnoot 1.</span>');
  });

  it('writes statistics in Dutch notation with their source at first use', () => {
    expect(html).toContain('ontving Veilig Thuis 127.600<span class="footnote vbfn-4" data-footnote="4">Website CBS, zie: https://www.cbs.nl/nl-nl/cijfers/detail/85361NED.</span>');
    expect(html).toContain('9,1%<span class="footnote vbfn-5"');
    expect(html).toMatch(/<td align="right">121\.900<\/td>/);
  });

  it('draws a chart as inline SVG with a text alternative', () => {
    expect(html).toMatch(/<figure><svg[^>]*role="img"/);
    expect(html).toMatch(/<desc[^>]*>Lijndiagram: Meldingen bij Veilig Thuis \(aantal\)\. 2021: 119\.800; 2022: 121\.900; 2023: 127\.600\./);
  });

  it('lists in the register bijlage only what the letter does not treat, grouped and sorted', () => {
    const bijlage = html.slice(html.indexOf('Bijlage 1.'));
    expect(text(bijlage)).toMatch(/a\. Moties[\s\S]*Motie Van Nispen \(29279, nr\. 565\)[\s\S]*Motie Van der Werf c\.s\. \(29279, nr\. 889\)[\s\S]*b\. Toezeggingen[\s\S]*Toezegging TZ202402-033/);
    expect(text(bijlage)).not.toMatch(/nr\. 890|nr\. 895|TZ202410-105/);
    expect(bijlage).toContain('<strong>eind 2025</strong>');
  });

  // A mutation that ignored "selectie: alle" passed the suite before this test.
  it('lists every record, also those the letter treats, with selectie: alle', () => {
    const project = copyFixture('register');
    writeFileSync(
      path.join(project, 'bijlagen', '01-overige.md'),
      '---\ntitel: Alle moties en toezeggingen\nregister:\n  weergave: tabel\n  selectie: alle\n---\nAlles.\n',
    );
    const all = text(check({ dir: project }).documents[0]!.html);
    const bijlage = all.slice(all.indexOf('Alle moties en toezeggingen'));
    expect(bijlage).toMatch(/Motie Van der Werf en Becker \(29279, nr\. 890\)/);
    expect(bijlage).toMatch(/Motie Mutluer \(29279, nr\. 895\)/);
    expect(bijlage).toMatch(/Motie Van Nispen \(29279, nr\. 565\)/);
    expect(bijlage).toMatch(/TZ202410-105/);
  });

  it('writes the dossiers of the register in the letter\'s notation', () => {
    const spaced = text(check({ dir, overrides: { dossiernotatie: 'gespatieerd' } }).documents[0]!.html);
    expect(spaced).toContain('Motie Van Nispen (29\u00a0279, nr. 565)');
    expect(spaced).toContain('Kamerstukken II, 2024-2025, 29\u00a0279, nr. 890.');
    // Only the free text of an afgedaan_met keeps what the author typed.
    expect(spaced.replace('afgedaan met: Kamerstukken II, 2020-2021, 29279, nr. 660', '')).not.toMatch(/29279/);
  });

  it('cites in the text without a note with voetnoot=false, and a Kamerstuk with {{kamerstuk}}', () => {
    const project = copyFixture('register');
    writeFileSync(
      path.join(project, 'secties', '02-inline.md'),
      '---\ntitel: Inline\n---\nVolgens {{motie "motie-565" voetnoot=false}} en de aanwijzing {{bron "stcrt-4318" voetnoot=false}}, zie ook {{kamerstuk "36 658" 3}}.\n',
    );
    const html = check({ dir: project, overrides: { dossiernotatie: 'gespatieerd' } }).documents[0]!.html;
    const zin = text(html.slice(html.indexOf('Volgens'), html.indexOf('</p>', html.indexOf('Volgens'))));
    expect(zin).toBe(
      'Volgens de motie van het lid Van Nispen (Kamerstuk 29\u00a0279, nr. 565) en de aanwijzing (Stcrt, 2024, 4318 Aanwijzing slachtoffers in het strafproces (2024A001)), zie ook Kamerstuk 36\u00a0658, nr. 3.',
    );
    expect(html.slice(html.indexOf('Volgens'), html.indexOf('</p>', html.indexOf('Volgens')))).not.toContain('footnote');
  });

  it('writes the source of a toezegging in brackets with voetnoot=false', () => {
    const project = copyFixture('register');
    writeFileSync(path.join(project, 'secties', '02-inline.md'), '---\ntitel: Inline\n---\nDaarmee is {{toezegging "tz-psychisch-geweld" voetnoot=false}} ingelost.\n');
    const html = check({ dir: project }).documents[0]!.html;
    const zin = html.slice(html.indexOf('Daarmee'), html.indexOf('</p>', html.indexOf('Daarmee')));
    expect(text(zin)).toBe(
      'Daarmee is de toezegging van de staatssecretaris van Justitie en Veiligheid tijdens het commissiedebat Zeden en (on)veiligheid van vrouwen van 16 oktober 2024 (Handelingen II, vergaderjaar 2024-2025, nr. 12, item 4) ingelost.',
    );
    expect(zin).not.toContain('footnote');
  });

  it('warns when an open record passed its expected date', () => {
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: path.join(dir, 'data', 'toezeggingen.yaml'), line: 9, severity: 'warning' });
    expect(warnings[0]!.message).toMatch(/tz-wachttijden.*voor de zomer van 2024/);
  });

  it('warns about an open record the letter treats nowhere', () => {
    const project = copyFixture('register');
    writeFileSync(path.join(project, 'bijlagen', '01-overige.md'), '---\ntitel: Geen register\n---\nTekst.\n');
    const messages = check({ dir: project }).warnings.map((w) => w.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/motie "motie-889" is openstaand, but the letter treats it nowhere/)]));
    expect(messages.some((m) => m.includes('motie-565'))).toBe(false);
  });

  it('writes citations in the Ar 3.43 style when the project asks for it', () => {
    const html = check({ dir, overrides: { citatiestijl: 'ar' } }).documents[0]!.html;
    expect(html).toContain('data-footnote="1">Kamerstukken II 2024/25, 29279, nr. 890</span>');
    // The repeat is written by the same style's formatter: no final period in Ar.
    expect(html).toContain('data-footnote="7">Zie voetnoot 1</span>');
  });

  it('repeats the full citation when voetnoten.herhaling is volledig', () => {
    const html = check({ dir, overrides: { voetnoten: { herhaling: 'volledig' } } }).documents[0]!.html;
    expect(html).toContain('data-footnote="7">Kamerstukken II, 2024-2025, 29279, nr. 890.</span>');
  });
});

describe('records from a CSV table', () => {
  it('reads moties from data/moties.csv with indieners separated by semicolons', () => {
    const project = copyFixture('register');
    rmSync(path.join(project, 'data', 'moties.yaml'));
    writeFileSync(
      path.join(project, 'data', 'moties.csv'),
      [
        'id,dossier,nummer,datum,indieners,titel,uitslag,status,verwachte_afdoening,stand_van_zaken',
        'motie-890,29279,890,2024-10-23,Van der Werf (D66); Becker (VVD),Expertise femicide,aangenomen,openstaand,,',
        'motie-895,29279,895,2024-10-23,Mutluer (GL-PvdA),Veilig Thuis,aangenomen,voldaan,,',
        'motie-889,29279,889,2024-10-23,Van der Werf; Mutluer; Dral,Opleidingen,aangenomen,openstaand,eind 2025,"Loopt, zie **plan**."',
      ].join('\n'),
    );
    const { documents } = check({ dir: project });
    const html = documents[0]!.html;
    expect(html).toContain('de motie van de leden Van der Werf en Becker<span class="footnote vbfn-1"');
    expect(text(html)).toMatch(/Motie Van der Werf c\.s\. \(29279, nr\. 889\)/);
    expect(html).toContain('Loopt, zie <strong>plan</strong>.');
  });
});

describe('mistakes in records', () => {
  it('reports an unknown id at the helper call, with the ids that exist', () => {
    const project = copyFixture('register');
    writeFileSync(path.join(project, 'secties', '02-fout.md'), '---\ntitel: Fout\n---\nZie {{motie "motie-8900"}}.\n');
    const d = errorOf(project);
    expect(d).toMatchObject({ file: path.join(project, 'secties', '02-fout.md'), line: 4, column: 5 });
    expect(d.message).toBe('unknown motie "motie-8900"');
    expect(d.hint).toMatch(/motie-890/);
  });

  it('names the allowed values of a wrong status, at the value', () => {
    const project = copyFixture('register');
    const file = path.join(project, 'data', 'moties.yaml');
    writeFileSync(file, `- id: motie-1\n  dossier: 29279\n  nummer: 1\n  datum: 2024-10-23\n  indieners: [Becker]\n  titel: T\n  status: Open\n`);
    const d = errorOf(project);
    expect(d).toMatchObject({ file, line: 7, column: 11 });
    expect(d.message).toMatch(/moties\.0\.status/);
    expect(d.hint).toMatch(/openstaand, deels voldaan, voldaan, deels afgedaan, afgedaan, vervallen/);
  });

  it('refuses duplicate ids across the register', () => {
    const project = copyFixture('register');
    const file = path.join(project, 'data', 'bronnen.yaml');
    writeFileSync(file, '- id: motie-890\n  soort: staatscourant\n  jaar: 2024\n  nummer: 1\n');
    const d = errorOf(project);
    expect(d).toMatchObject({ file, line: 1 });
    expect(d.message).toBe('duplicate id "motie-890"');
  });
});

describe('deadlineOf', () => {
  it.each([
    ['voor de zomer van 2025', '2025-06-30'],
    ['eind 2024', '2024-12-31'],
    ['in maart 2025', '2025-03-31'],
    ['Q2 2025', '2025-06-30'],
    ['najaar 2025', '2025-12-20'],
    ['2025-02-01', '2025-02-01'],
    ['zo snel mogelijk', undefined],
  ])('%s → %s', (input, expected) => {
    expect(deadlineOf(input)).toBe(expected);
  });
});
