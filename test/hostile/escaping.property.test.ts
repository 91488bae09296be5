import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Element, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { letterSchema, sectionSchema } from '../../src/model/letter-schema.js';
import { bronSchema } from '../../src/records/source-schema.js';
import { motieSchema, reeksSchema, toezeggingSchema } from '../../src/records/register-schema.js';
import { buildWithSharedBrowser, FIXTURES, tempDir } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';
import { setPath, stringPaths, type FieldPath } from './schema-paths.js';

/**
 * Issue 12, item 2. Every string field of every schema (found by walking the zod
 * schemas) gets hostile text: markup that would close its element, CSS that would
 * close its string or rule, script that would run. The build either refuses the value
 * with a diagnostic, or the value stays text in its context: no element, attribute,
 * script or CSS rule of the payload exists in the HTML, and nothing of it runs.
 * "PWNED" is never in the source; it appears only if a script or a broken-out CSS rule ran.
 */
const FRAGMENTS = [
  `"'></style></title></textarea></script><vb-uitbraak data-uitbraak="1">uit</vb-uitbraak>`,
  `<script>document.body.append('PW'+'NED')</script>`,
  `<img src="x.png" alt="x" onerror="document.body.append('PW'+'NED')">`,
  `'; } vb-uitbraak, body::after { content: "\\50 WNED" } @import url(http://127.0.0.1:9/x.css); .x { a: '`,
  `" } vb-uitbraak { color: red } /*`,
  `\\"; } vb-uitbraak {} \\`,
  `<svg onload="document.body.append('PW'+'NED')"><vb-uitbraak/></svg>`,
  `javascript:document.body.append('PW'+'NED')`,
  `[link](javascript:alert(1)) <a href="javascript:x" data-uitbraak>a</a>`,
  `\u2028\u0000 &lt;vb-uitbraak&gt; ]]> --> <!--`,
];
const payload = fc
  .subarray(FRAGMENTS, { minLength: 1 })
  .chain((parts) => fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }))
  .map((parts) => `Waarde ${parts.join(' ')} einde`);
const EXAMPLES: [string][] = [[`Waarde ${FRAGMENTS.join(' ')} einde`], [`Waarde ${FRAGMENTS.filter((f) => !f.includes('<img')).join(' ')} einde`]];

type Target = { label: string; base: string; file: string; kind: 'front' | 'list'; path: FieldPath };

function base(field: FieldPath): string {
  const top = String(field[0]);
  if (top === 'kamervragen') return 'types/kamervragen';
  if (top === 'kamerstuk') return 'types/kamerstuk';
  if (top === 'eerste_kamer') return 'types/eerste-kamer';
  if (top === 'lettertype' || top === 'logo') return 'eigen-huisstijl';
  return 'types/voortgangsbrief';
}

const TARGETS: Target[] = [
  ...stringPaths(letterSchema).map((p) => ({ label: `brief.md ${p.join('.')}`, base: base(p), file: 'brief.md', kind: 'front' as const, path: p })),
  ...stringPaths(sectionSchema).map((p) => ({ label: `sectie ${p.join('.')}`, base: 'register', file: 'secties/01-cijfers.md', kind: 'front' as const, path: p })),
  ...(
    [
      ['moties', motieSchema],
      ['toezeggingen', toezeggingSchema],
      ['bronnen', bronSchema],
      ['reeksen', reeksSchema],
    ] as const
  ).flatMap(([name, schema]) =>
    stringPaths(schema).map((p) => ({ label: `data/${name}.yaml ${p.join('.')}`, base: 'register', file: `data/${name}.yaml`, kind: 'list' as const, path: p })),
  ),
];

/** Writes `value` at the target's field in a copy of its base project; each list item is tried in turn. */
function variants(target: Target, value: string): (() => string)[] {
  const source = path.join(FIXTURES, target.base);
  const make = (edit: (text: string) => string) => () => {
    const dir = path.join(tempDir('vb-escape-'), 'brief');
    cpSync(source, dir, { recursive: true });
    const file = path.join(dir, target.file);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return dir;
  };
  if (target.kind === 'front') {
    return [
      make((text) => {
        const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
        const data = parse(yaml!) as Record<string, unknown>;
        setPath(data, target.path, value);
        return `---\n${stringify(data)}---\n${body}`;
      }),
    ];
  }
  const items = (parse(readFileSync(path.join(source, target.file), 'utf8')) as unknown[]).length;
  return Array.from({ length: items }, (_, i) =>
    make((text) => {
      const list = parse(text) as Record<string, unknown>[];
      setPath(list as unknown as Record<string, unknown>, [i, ...target.path], value);
      return stringify(list);
    }),
  );
}

/** The HTML of the first variant check() accepts, or undefined when every one is refused. */
function acceptedHtml(target: Target, value: string): { dir: string; html: string[] } | undefined {
  for (const make of variants(target, value)) {
    const dir = make();
    try {
      return { dir, html: check({ dir }).documents.map((d) => d.html) };
    } catch (err) {
      // A refusal with a position is a fine answer to hostile input; anything else is not.
      if (!(err instanceof InputError)) throw err;
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  }
  return undefined;
}

function elements(nodes: readonly RootContent[], out: Element[] = []): Element[] {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    out.push(node);
    elements(node.children, out);
    if (node.tagName === 'template' && 'content' in node) elements((node.content as Root).children, out);
  }
  return out;
}

/** CSS with its strings and comments taken out: what is left is rules, selectors and values. */
function cssOutsideStrings(css: string): string {
  return css.replace(/\/\*[\s\S]*?(\*\/|$)|"(?:\\[\s\S]|[^"\\\n])*"|'(?:\\[\s\S]|[^'\\\n])*'/g, ' ');
}

function expectNoBreakout(html: string, where: string): void {
  const tree = raw({ type: 'root', children: [{ type: 'raw', value: html }] } as unknown as Root) as Root;
  const all = elements(tree.children);
  for (const el of all) {
    expect(el.tagName, where).not.toBe('vb-uitbraak');
    for (const key of Object.keys(el.properties)) {
      expect(key.toLowerCase(), `${where}: attribute ${key} on <${el.tagName}>`).not.toMatch(/^on|^datauitbraak$/);
      const value = String(el.properties[key]);
      if (/^(href|src|action|data)$/i.test(key)) expect(value, where).not.toMatch(/^\s*javascript:/i);
    }
    if (el.tagName === 'script') expect(el.properties.src, `${where}: a script`).toBe('assets/page-runner.js');
    expect(el.tagName, where).not.toMatch(/^(iframe|object|embed|base|form)$/);
  }
  const styles = all.filter((e) => e.tagName === 'style');
  expect(styles.length, `${where}: the layout's two <style> elements`).toBe(2);
  for (const style of styles) {
    const css = style.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    expect(cssOutsideStrings(css), `${where}: CSS outside its strings`).not.toMatch(/vb-uitbraak|@import|PWNED/);
  }
}

describe('hostile text in every string field of every schema', () => {
  it('finds the fields by walking the schemas', () => {
    const labels = TARGETS.map((t) => t.label);
    expect(labels).toEqual(expect.arrayContaining(['brief.md lettertype.familie', 'brief.md betreft', 'brief.md afzender.organisatie', 'sectie titel', 'data/moties.yaml titel']));
    expect(TARGETS.length).toBeGreaterThan(60);
  });

  const accepted = new Map<string, { target: Target; value: string }>();

  it.each(TARGETS.map((t) => [t.label, t] as const))('%s: refused, or text in its context', (_, target) => {
    fc.assert(
      fc.property(payload, (value) => {
        const result = acceptedHtml(target, value);
        if (!result) return;
        accepted.set(target.label, { target, value });
        result.html.forEach((html, i) => expectNoBreakout(html, `${target.label}, document ${i + 1}`));
        rmSync(path.dirname(result.dir), { recursive: true, force: true });
      }),
      { numRuns: 2, examples: EXAMPLES, seed: 12 },
    );
  });

  it('most fields take the text (a field that refuses everything tests nothing)', () => {
    expect(accepted.size).toBeGreaterThan(TARGETS.length / 2);
    expect([...accepted.keys()]).toEqual(expect.arrayContaining(['brief.md lettertype.familie', 'brief.md betreft', 'sectie titel']));
  });

  it.each(['brief.md lettertype.familie', 'brief.md betreft', 'brief.md afzender.organisatie', 'sectie titel', 'data/moties.yaml titel'])(
    '%s: rendered by Chromium, nothing of the payload runs or styles the page',
    async (label) => {
      const entry = accepted.get(label);
      expect(entry, `${label} took the payload`).toBeDefined();
      const result = acceptedHtml(entry!.target, entry!.value)!;
      const built = await buildWithSharedBrowser(result.dir);
      for (const doc of built.documents) {
        const text = (await readPdf(doc.pdf)).pages.map((p) => p.text).join('\n');
        expect(text).not.toContain('PWNED');
      }
      expect(built.warnings.map((w) => w.message).filter((m) => /blocked/.test(m))).toEqual([]);
    },
    60_000,
  );
});
