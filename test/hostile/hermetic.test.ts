import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { buildWithSharedBrowser, FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

/**
 * The page may load only the project's files and the built-in assets, and nothing a
 * letter contains runs as code. A local server stands in for "the internet": every
 * request that reached it would be a leak, so its hit count must stay 0.
 */
let server: http.Server;
let base: string;
const hits: string[] = [];
/** TCP connections, also those that never send a request (a browser's preconnect). */
let connections = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function project(files: Record<string, string | Buffer>): string {
  const dir = path.join(tempDir('vb-hermetic-'), 'brief');
  cpSync(path.join(FIXTURES, 'minimal'), dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const STYLE = readFileSync(path.join(REPO_ROOT, 'templates/style.css'), 'utf8');

describe('remote resources in a project template', () => {
  it('style.css with @import and a web font: the build succeeds, warns by name, fetches nothing', async () => {
    const css = `@import url(${base}/import.css);\n@font-face { font-family: Extern; src: url(https://example.org/x.woff2) format('woff2'); }\nh2 { font-family: Extern, sans-serif; }\nbody { background: url(${base}/achtergrond.png); }\n${STYLE}`;
    const result = await buildWithSharedBrowser(project({ 'templates/style.css': css }));

    expect(result.documents[0]?.pages).toBeGreaterThan(0);
    const messages = result.warnings.map((w) => w.message);
    expect(messages).toContain(`blocked a request for ${base}/import.css`);
    expect(messages).toContain(`blocked a request for ${base}/achtergrond.png`);
    expect(messages).toContain('blocked a request for https://example.org/x.woff2');
    expect(messages.some((m) => m.includes('font "Extern" could not be loaded'))).toBe(true);
    expect({ hits, connections }).toEqual({ hits: [], connections: 0 });
  });

  it('a layout without the Content-Security-Policy: the policy sent with the page and request interception still stop every request', async () => {
    const result = await buildWithSharedBrowser(project(layoutWithoutCsp(`<link rel="stylesheet" href="${base}/extern.css">\n<script src="${base}/extern.js"></script>\n`)));

    const messages = result.warnings.map((w) => w.message);
    expect(messages).toContain(`blocked a request for ${base}/extern.css`);
    expect(messages).toContain(`blocked a script from ${base}/extern.js`);
    expect({ hits, connections }).toEqual({ hits: [], connections: 0 });
  });
});

/**
 * Project overrides of the built-in templates (wherever the layout keeps its <head>)
 * with the Content-Security-Policy removed and `extra` added to the head.
 */
function layoutWithoutCsp(extra: string): Record<string, string> {
  const names = ['brief.hbs', ...readdirSync(path.join(REPO_ROOT, 'templates/partials')).map((f) => `partials/${f}`)];
  const files: Record<string, string> = {};
  for (const name of names.filter((n) => n.endsWith('.hbs'))) {
    const source = readFileSync(path.join(REPO_ROOT, 'templates', name), 'utf8');
    const changed = source.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '').replace('</head>', `${extra}</head>`);
    if (changed !== source) files[`templates/${name}`] = changed;
  }
  const all = Object.values(files).join('\n');
  expect(all).toContain(extra);
  expect(all).not.toContain('Content-Security-Policy');
  return files;
}

// Each payload would write "PW"+"NED…" into the page if it ran; the word itself is
// never in the source, so finding it in the PDF would mean code from the letter ran.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const PAYLOADS = [
  `<script>document.body.textContent = 'PW' + 'NED-script';</script>`,
  `<img src="grafiek.png" alt="Grafiek" onerror="document.body.textContent='PW'+'NED-onerror'" onload="document.body.textContent='PW'+'NED-onload'">`,
  `<img src="bestaat-niet.png" alt="Weg" onerror="document.body.textContent='PW'+'NED-onerror2'">`,
  `<iframe src="javascript:parent.document.body.textContent='PW'+'NED-iframe'"></iframe>`,
  `<iframe srcdoc="<script>parent.document.body.textContent='PW'+'NED-srcdoc'</script>"></iframe>`,
  `[klik](javascript:document.body.textContent='PW'+'NED-mdlink') en <a href="javascript:document.body.textContent='PW'+'NED-link'">hier</a>`,
  `<object data="javascript:document.body.textContent='PW'+'NED-object'"></object>`,
  `<embed src="data:text/html,<script>parent.document.body.textContent='PW'+'NED-embed'</script>">`,
  `<svg onload="document.body.textContent='PW'+'NED-svg'"><circle r="1"/></svg>`,
  `<details open ontoggle="document.body.textContent='PW'+'NED-toggle'"><summary>x</summary>y</details>`,
  `<form action="${'BASE'}/form"><input autofocus onfocus="document.body.textContent='PW'+'NED-focus'"></form>`,
  `<meta http-equiv="refresh" content="0;url=${'BASE'}/refresh"><base href="${'BASE'}/"><link rel="stylesheet" href="${'BASE'}/link.css">`,
  `<div style="background: url(${'BASE'}/style-attr.png)">opgemaakt</div>`,
];

describe('script in a letter never runs', () => {
  it('no script, handler, frame, object or javascript: URL reaches the HTML or the PDF', async () => {
    const body = PAYLOADS.map((p) => p.replaceAll('BASE', base)).join('\n\n');
    const dir = project({
      'secties/grafiek.png': PNG,
      'secties/bestaat-niet.png': PNG,
      'data/tekst.yaml': `html: "<script>document.body.textContent = 'PW' + 'NED-data';</script><b onmouseover=\\"x\\">vet</b>"\n`,
      'secties/02-payloads.md': `---\ntitel: Ingevoegde code\n---\nVoor de payloads.\n\n${body}\n\n{{{tekst.html}}}\n\nNa de payloads.\n`,
    });
    const result = await buildWithSharedBrowser(dir);
    const html = readFileSync(result.documents[0]!.html, 'utf8');

    // Only the layout's own scripts, from the built-in assets.
    for (const m of html.matchAll(/<script\b[^>]*>/gi)) expect(m[0]).toMatch(/^<script src="assets\/[\w.-]+\.js"><\/?script|^<script src="assets\/[\w.-]+\.js">$/);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/<(iframe|object|embed|svg|form|base|link)\b/i);
    // GitHub's allowlist keeps task-list checkboxes, and only as this.
    for (const m of html.matchAll(/<input\b[^>]*>/gi)) expect(m[0]).toBe('<input disabled type="checkbox">');
    expect(html).not.toMatch(/<meta http-equiv="refresh"/i);
    expect(html).not.toMatch(/javascript:|srcdoc/i);
    expect(html).not.toContain(`${base}/`);

    const pdf = await readPdf(result.documents[0]!.pdf);
    const text = pdf.pages.map((p) => p.text).join('\n');
    expect(text).toContain('Voor de payloads.');
    expect(text).toContain('Na de payloads.');
    expect(text).not.toContain('PWNED');
    expect({ hits, connections }).toEqual({ hits: [], connections: 0 });
  });

  it('front matter marked "---js" is refused before anything is evaluated', () => {
    const sentinel = path.join(tempDir('vb-sentinel-'), 'uitgevoerd');
    const dir = project({
      'brief.md': `---js\n{ datum: (require('fs').writeFileSync(${JSON.stringify(sentinel)}, 'x'), '2024-11-19') }\n---\nTekst.\n`,
    });
    expect(() => check({ dir })).toThrow(InputError);
    expect(existsSync(sentinel)).toBe(false);
  });

  it('a template that reaches for constructors finds nothing to call', () => {
    const sentinel = path.join(tempDir('vb-sentinel-'), 'uitgevoerd');
    const code = `return require('fs').writeFileSync(${JSON.stringify(sentinel)}, 'x')`;
    const dir = project({
      'secties/02-sjabloon.md': `---\ntitel: Sjabloon\n---\n{{#with "s" as |string|}}{{#with (lookup string "constructor") as |c|}}{{#with (lookup c "constructor") as |f|}}{{f "${code.replaceAll('"', '\\"')}"}}{{/with}}{{/with}}{{/with}}\n`,
    });
    try {
      check({ dir });
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
    }
    expect(existsSync(sentinel)).toBe(false);
  });
});
