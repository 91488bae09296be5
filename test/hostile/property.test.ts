import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { FIXTURES, tempDir } from '../helpers/build-fixture.js';

/**
 * Whatever an author types, the stages before the browser either accept it or say
 * where the mistake is: check() returns or throws an InputError with positions, and
 * never anything else (which would reach the author as an internal error with a stack).
 */

// Text: any code point, including controls and lone surrogates, plus Markdown and YAML punctuation.
const unicode = fc.string({ unit: 'binary', maxLength: 30 });
const punctuation = fc.constantFrom('*', '_', '[', ']', '(', ')', '#', '>', '-', '|', ':', '"', "'", '\\', '`', '<', '&', '\t', '\r', '\n');
const text = fc.array(fc.oneof(unicode, punctuation, fc.constant(' ')), { maxLength: 12 }).map((parts) => parts.join(''));

// Labels from a small set, so that calls and definitions meet as often as they miss.
const label = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('a', 'b', 'noot', '1', 'ü') }, fc.string({ maxLength: 6 }));
const footnoteCall = label.map((l) => `[^${l}]`);
const footnoteDefinition = fc.tuple(label, text).map(([l, t]) => `\n\n[^${l}]: ${t}\n\n`);

// {{…}}: mostly what exists (front matter, data, helpers), some of it wrong or broken.
const known = fc.constantFrom('betreft', 'datum', 'cijfers.meldingen', 'afzender.organisatie', 'nummering');
const unknown = fc.constantFrom('onbekend', 'cijfers.onbekend', 'constructor', '__proto__', 'constructor.constructor', '../betreft', '@index', 'this');
const expression = fc.oneof(
  { weight: 4, arbitrary: known.map((n) => `{{${n}}}`) },
  { weight: 2, arbitrary: fc.constantFrom('{{getal cijfers.meldingen}}', '{{getal 9.1 2}}', '{{datum datum}}', '{{datum "2024-02-30"}}', '{{getal "veel"}}', '{{inc 1}}') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('each rijen', 'if nummering', 'with afzender', 'unless nummering'), text).map(([b, t]) => `{{#${b}}}${t}{{#if @first}}{{this}}{{/if}}{{/${b.split(' ')[0]}}}`) },
  unknown.map((n) => `{{${n}}}`),
  fc.tuple(fc.constantFrom('getal', 'datum', 'lookup', 'onbekend_helper'), fc.oneof(known, unknown)).map(([h, n]) => `{{${h} ${n}}}`),
  fc.constantFrom('{{', '}}', '{{{', '{{#each}}', '{{/if}}', '{{> sectie}}', '{{!-- x', '{{else}}', '{{~', '\\{{x}}', '{{{{raw}}}}'),
  text.map((t) => `{{${t}}}`),
);
const block = fc.oneof(
  text,
  text.map((t) => `# ${t}`),
  text.map((t) => `- ${t}\n  - ${t}\n\n1. ${t}`),
  text.map((t) => `> ${t}\n>> ${t}`),
  text.map((t) => `| a | b |\n|---|---:|\n| ${t} | x |`),
  text.map((t) => `<div>${t}</div> <span class="footnote">${t}</span> <table><tr><th>${t}</th></tr></table>`),
  text.map((t) => `![${t}](grafiek.png) ![](grafiek.png)`),
  text.map((t) => `**${t}** _${t}_ \`${t}\``),
  text.map((t) => `\`\`\`\n${t}\n\`\`\``),
);
const markdown = fc
  .array(fc.oneof({ weight: 4, arbitrary: block }, footnoteCall, footnoteDefinition, { weight: 2, arbitrary: expression }), { maxLength: 12 })
  .map((parts) => parts.join(' '));

// YAML scalars as authors write them, unquoted, quoted or as JS values serialised.
const yamlScalar = fc.oneof(
  fc.constantFrom('ja', 'nee', 'yes', 'no', 'on', 'off', '~', 'null', '.inf', '-.nan', '0x1F', '0o17', '1e3', '2025-02-30', '2024-11-19', '12:30', "'", '"', '|', '>', '&a', '*a', '!!str', '!!binary x', '? x', '- x', '{', '['),
  text.map((t) => t.replace(/\n/g, ' ')),
);
const yamlValue = fc.oneof(yamlScalar, fc.jsonValue({ maxDepth: 2 }).map((v) => stringify(v).trim()));
const extraKey = fc.constantFrom('volgorde', 'inhoudsopgave', 'nummering', '__proto__', 'constructor', 'toString', 'x');
const extraFields = fc
  .uniqueArray(fc.tuple(extraKey, yamlValue), { maxLength: 3, selector: ([k]) => k })
  .map((pairs) => pairs.map(([k, v]) => `${k}: ${v.includes('\n') ? `\n  ${v.replace(/\n/g, '\n  ')}` : v}`).join('\n'));
// Every section has a title (any text, as a JSON string, which YAML reads too), and sometimes more.
const titel = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== '');
const sectionFrontMatter = fc
  .tuple(titel, fc.oneof({ weight: 3, arbitrary: fc.constant('') }, extraFields))
  .map(([t, extra]) => `titel: ${JSON.stringify(t)}${extra ? `\n${extra}` : ''}`);

// Data files: records as YAML, JSON and CSV, mostly well-formed, sometimes not.
const record = fc.dictionary(fc.oneof(fc.constantFrom('jaar', 'meldingen', '__proto__', 'constructor'), fc.string({ maxLength: 5 })), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
const csvCell = fc.oneof({ weight: 3, arbitrary: fc.integer().map(String) }, text, text.map((t) => `"${t.replace(/"/g, '""')}"`), text.map((t) => `"${t}`));
const dataFile = fc.oneof(
  fc.array(record, { maxLength: 4 }).map((r) => ({ name: 'rijen.yaml', content: stringify(r) })),
  fc.record({ meldingen: fc.oneof(fc.integer(), fc.double(), text) }).map((r) => ({ name: 'cijfers.json', content: JSON.stringify(r) })),
  fc.array(fc.tuple(csvCell, csvCell), { minLength: 1, maxLength: 5 }).map((rows) => ({ name: 'rijen.csv', content: `jaar,meldingen\n${rows.map((r) => r.join(',')).join('\n')}` })),
  yamlValue.map((v) => ({ name: 'cijfers.yaml', content: `meldingen: ${v}` })),
);

const letter = fc.record({
  intro: markdown,
  secties: fc.array(fc.tuple(sectionFrontMatter, markdown), { maxLength: 3 }),
  data: fc.uniqueArray(dataFile, { maxLength: 2, selector: (d) => d.name }),
  // Now and then the letter head itself is garbage.
  briefFrontMatter: fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, extraFields),
});

const MINIMAL_BRIEF_FRONT = `afzender:
  organisatie: Ministerie van Justitie en Veiligheid
  onderdeel: Directoraat-Generaal Straffen en Beschermen
  postadres: [Postbus 20301, 2500 EH Den Haag]
datum: 2024-11-19
betreft: Verzamelbrief
onze_referentie: "5896071"
ondertekening:
  - functie: De Staatssecretaris,
    naam: I. Coenradie`;

describe('generated projects never crash the stages before the browser', () => {
  it('check() returns or throws an InputError with positions, for 200 generated letters', () => {
    const root = tempDir('vb-property-');
    let n = 0;
    fc.assert(
      fc.property(letter, (l) => {
        const dir = path.join(root, String(n++));
        mkdirSync(path.join(dir, 'secties'), { recursive: true });
        cpSync(path.join(FIXTURES, 'errors/image-without-alt/secties/grafiek.png'), path.join(dir, 'secties/grafiek.png'));
        // Mostly a valid letter head, so that the body reaches Markdown and Handlebars.
        writeFileSync(path.join(dir, 'brief.md'), `---\n${l.briefFrontMatter ?? MINIMAL_BRIEF_FRONT}\n---\n${l.intro}\n`);
        l.secties.forEach(([fm, body], i) => writeFileSync(path.join(dir, `secties/0${i}.md`), `---\n${fm}\n---\n${body}\n`));
        if (l.data.length) mkdirSync(path.join(dir, 'data'));
        for (const d of l.data) writeFileSync(path.join(dir, 'data', d.name), d.content);
        try {
          check({ dir });
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          for (const d of err.diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
            expect(d.message.length).toBeGreaterThan(0);
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 200 },
    );
  });
});
