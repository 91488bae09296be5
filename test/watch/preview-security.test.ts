import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { watchProject, type WatchSession } from '../../src/watch/watch-project.js';
import { allowedHosts } from '../../src/watch/allowed-hosts.js';
import { copyFixture, tempDir } from '../helpers/build-fixture.js';

/**
 * Issue 12, item 5: a web page in the author's browser must not read the preview by
 * DNS rebinding (its Host and Origin are its own), and no request, however malformed,
 * ends the watch session.
 */
let session: WatchSession;
let port: number;

beforeAll(async () => {
  session = await watchProject({ dir: copyFixture('minimal'), out: tempDir('vb-watch-sec-'), port: 0, pdf: false, browserWSEndpoint: inject('browserWSEndpoint') });
  port = Number(new URL(session.url).port);
  await session.settled();
});
afterAll(async () => {
  await session?.close();
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (d) => (answer += String(d)));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
  });
}

describe('the watch preview', () => {
  it('answers the author by 127.0.0.1, localhost and [::1] on its port, with the page policy', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      const res = await get('/', { host });
      expect(res.status, host).toBe(200);
      expect(res.headers['content-security-policy']).toContain("connect-src http://");
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
    }
    expect(await get('/', { host: `localhost:${port}`, origin: `http://localhost:${port}` })).toMatchObject({ status: 200 });
  });

  it('refuses any other Host or Origin: a rebinding page gets nothing of the letter', async () => {
    const cases: Record<string, string>[] = [
      { host: `evil.example:${port}` },
      { host: `127.0.0.1:${port + 1}` },
      { host: '127.0.0.1' },
      { host: `localhost.evil.example:${port}` },
      { host: `127.0.0.1:${port}`, origin: 'http://evil.example' },
      { host: `127.0.0.1:${port}`, origin: `http://evil.example:${port}` },
      { host: `127.0.0.1:${port}`, origin: 'null' },
    ];
    for (const headers of cases) {
      for (const path of ['/', '/index.html', '/__vb/events', '/assets/logo.svg']) {
        const res = await get(path, headers);
        expect(res.status, `${JSON.stringify(headers)} ${path}`).toBe(403);
        expect(res.body).not.toContain('Verzamelbrief');
      }
    }
  });

  it('answers a malformed path with 400 and goes on', async () => {
    for (const path of ['/%C0', '/%', '/%E0%A4%A', '/assets/%C0%AF']) expect((await get(path)).status, path).toBe(400);
    expect(await raw('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\x00\x01garbage\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect((await get('/', {})).status).toBe(200);
    expect((await get('/', {})).body).toContain('Verzamelbrief');
  });

  it('allows a host it was bound to, for watch --host', () => {
    expect([...allowedHosts('192.168.1.5', 4173)]).toEqual(expect.arrayContaining(['127.0.0.1:4173', 'localhost:4173', '[::1]:4173', '192.168.1.5:4173']));
    expect([...allowedHosts('::1', 80)]).toContain('[::1]:80');
  });
});
