import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildWithSharedBrowser, FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

/**
 * Issue 12, item 3: script from the project's own assets and layouts never runs, and
 * the browser itself reaches no host, also by the ways request interception cannot
 * see (WebSocket, EventSource, a page of its own). A local server stands in for the
 * network: a TCP connection to it would be a leak.
 */
let server: http.Server;
let port = 0;
const hits: string[] = [];
let connections = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('');
  });
  server.on('connection', () => connections++);
  server.on('upgrade', (req, socket) => {
    hits.push(`upgrade ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function project(files: Record<string, string>): string {
  const dir = path.join(tempDir('vb-scripts-'), 'brief');
  cpSync(path.join(FIXTURES, 'minimal'), dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** Script that would open every kind of connection and mark the page if it ran. */
const attack = (tag: string) =>
  `new WebSocket('ws://127.0.0.1:${port}/${tag}-ws'); fetch('http://127.0.0.1:${port}/${tag}-fetch'); ` +
  `new EventSource('http://127.0.0.1:${port}/${tag}-es'); document.documentElement.append('PW' + 'NED-${tag}');`;

const HOSTILE_SVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="13mm" height="37mm" viewBox="0 0 13 37" onload="${attack('onload').replaceAll("'", '&apos;')}">
  <script><![CDATA[${attack('svg')} parent.document.body.append('PW' + 'NED-parent');]]></script>
  <foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="http://127.0.0.1:${port}/fo"></iframe></foreignObject>
  <a xlink:href="javascript:alert(1)"><rect width="13" height="37" fill="#154273"/></a>
  <image href="http://127.0.0.1:${port}/image.png" width="1" height="1"/>
  <animate attributeName="href" to="javascript:alert(1)"/>
</svg>
`;

/** The built-in head, without its <meta> policy and with `extra` added: a project layout can do that. */
function headWithoutPolicy(extra: string): string {
  const source = readFileSync(path.join(REPO_ROOT, 'templates/partials/html-kop.hbs'), 'utf8');
  const changed = source.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '') + extra;
  expect(changed).not.toContain('Content-Security-Policy');
  return changed;
}

describe('script from project assets and layouts', () => {
  it('an SVG logo with script, shown as <img>, <object>, <iframe> and <embed> by a layout without a policy: nothing runs or connects, each attempt is named', async () => {
    const dir = project({
      'afbeeldingen/logo.svg': HOSTILE_SVG,
      'brief.md': readFileSync(path.join(FIXTURES, 'minimal/brief.md'), 'utf8').replace(/^datum:/m, 'logo: afbeeldingen/logo.svg\ndatum:'),
      'templates/partials/html-kop.hbs': headWithoutPolicy(`<script>${attack('inline')}</script>\n<script src="{{logo_url}}"></script>\n`),
      'templates/partials/logo.hbs':
        '<div class="vb-logo"><img class="vb-logo-beeld" src="{{logo_url}}" alt="">' +
        '<object data="{{logo_url}}" type="image/svg+xml"></object><iframe src="{{logo_url}}"></iframe><embed src="{{logo_url}}" type="image/svg+xml"></div>',
    });
    const result = await buildWithSharedBrowser(dir);

    const pdf = await readPdf(result.documents[0]!.pdf);
    expect(pdf.pages.map((p) => p.text).join('\n')).not.toContain('PWNED');
    expect({ hits, connections }).toEqual({ hits: [], connections: 0 });
    const messages = result.warnings.map((w) => w.message);
    expect(messages).toContain('blocked an inline script');
    expect(messages.some((m) => /^blocked a script from http:\/\/voortgangsbrief\.invalid\/assets\/logo\.svg/.test(m)), messages.join('\n')).toBe(true);
    expect(messages.some((m) => /^blocked (frame|object) content from .*logo\.svg/.test(m)), messages.join('\n')).toBe(true);

    // The copy next to the HTML is the sanitised one: it is safe to open from disk too.
    const out = path.dirname(result.documents[0]!.html);
    const served = readFileSync(path.join(out, 'assets', readdirSync(path.join(out, 'assets')).find((f) => f.startsWith('logo'))!), 'utf8');
    expect(served).toContain('<rect');
    expect(served).not.toMatch(/<script|onload|foreignObject|iframe|javascript:|<image|<animate|127\.0\.0\.1/i);
  });
});

describe('the browser reaches no host at all', () => {
  it('a page of its own, without interception or policy, cannot fetch, open a WebSocket or an EventSource, or resolve a name', async () => {
    const browser = await puppeteer.connect({ browserWSEndpoint: inject('browserWSEndpoint') });
    const page = await browser.newPage();
    try {
      const results = await page.evaluate(async (port: number) => {
        const out: Record<string, string> = {};
        const urls = [`http://127.0.0.1:${port}/fetch`, `http://localhost:${port}/fetch`, `http://[::1]:${port}/fetch`, 'http://example.org/'];
        for (const url of urls) {
          out[url] = await fetch(url, { mode: 'no-cors' }).then(() => 'reached', () => 'failed');
        }
        out.ws = await new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
          ws.onopen = () => resolve('reached');
          ws.onerror = () => resolve('failed');
        });
        out.es = await new Promise<string>((resolve) => {
          const es = new EventSource(`http://127.0.0.1:${port}/es`);
          es.onopen = () => resolve('reached');
          es.onerror = () => (es.close(), resolve('failed'));
        });
        return out;
      }, port);
      expect(Object.values(results).every((r) => r === 'failed'), JSON.stringify(results)).toBe(true);
      expect({ hits, connections }).toEqual({ hits: [], connections: 0 });
    } finally {
      await page.close();
      await browser.disconnect();
    }
  });
});
