import http from 'node:http';
import puppeteer from 'puppeteer-core';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
let conns = 0; const hits: string[] = [];
const server = http.createServer((req, res) => { hits.push(req.url ?? ''); res.end(''); });
server.on('connection', () => conns++);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const udd = mkdtempSync(path.join(os.tmpdir(), 'udd-'));
if (process.argv[2] === 'pref') { mkdirSync(path.join(udd, 'Default')); writeFileSync(path.join(udd, 'Default/Preferences'), JSON.stringify({ net: { network_prediction_options: 2 } })); }
const extra = process.argv[2] && process.argv[2] !== 'pref' ? [process.argv[2]] : [];
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', `--user-data-dir=${udd}`, ...extra] });
async function visit(html: string) {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (r) => r.url().startsWith('http://x.invalid/') ? r.respond({ status: 200, contentType: 'text/html', body: html }) : r.respond({ status: 200, body: '', headers: { 'access-control-allow-origin': '*' } }));
  await page.goto('http://x.invalid/index.html', { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 300));
  await page.close();
}
for (let i = 0; i < 6; i++) await visit(`<html><head><link rel="stylesheet" href="${base}/a.css"><script src="${base}/b.js"></script></head><body>a</body></html>`);
console.log('after first', conns);
for (let i = 0; i < 3; i++) await visit(`<html><body>b</body></html>`);
await new Promise((r) => setTimeout(r, 500));
console.log(process.argv[2] ?? 'default', 'connections', conns, 'hits', hits);
await browser.close(); server.closeAllConnections(); server.close();
