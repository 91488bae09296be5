import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatLocation, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RenderedDocument } from '../layout/render-document.js';
import { contentType } from '../layout/content-type.js';

// The page knows which version it shows from its script URL, so an update that
// lands before the event stream connects still triggers a reload.
const RELOAD_SCRIPT = `(function () {
  var shown = new URL(document.currentScript.src).searchParams.get('v');
  var events = new EventSource('/__vb/events');
  events.onmessage = function (e) {
    if (e.data !== shown) location.reload();
  };
})();`;

/** What the preview shows: the latest good document, or the errors of the latest build. */
export type PreviewState = { doc: RenderedDocument } | { errors: Diagnostic[] };

/**
 * Serves the paginated HTML preview on localhost and tells open pages to reload
 * when the state changes (server-sent events). Bound to the loopback interface
 * unless the author names another (`watch --host`): a draft letter is nobody else's business.
 */
export class PreviewServer {
  private state: PreviewState | undefined;
  private version = 0;
  private readonly clients = new Set<http.ServerResponse>();
  private readonly server = http.createServer((req, res) => this.handle(req, res));

  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return previewUrl(host, (this.server.address() as AddressInfo).port);
  }

  update(state: PreviewState): void {
    this.state = state;
    this.version++;
    for (const client of this.clients) client.write(`data: ${this.version}\n\n`);
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.end();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/__vb/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${this.version}\n\n`);
      this.clients.add(res);
      req.on('close', () => this.clients.delete(res));
      return;
    }
    if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (url.pathname === '/__vb/reload.js') return send(res, 200, 'text/javascript', RELOAD_SCRIPT);
    const state = this.state;
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!state) return send(res, 503, 'text/plain; charset=utf-8', 'De eerste build loopt nog.');
      const html = 'doc' in state ? state.doc.html : errorPage(state.errors);
      return send(res, 200, 'text/html; charset=utf-8', withReload(html, this.version));
    }
    const rel = decodeURIComponent(url.pathname.slice(1));
    const body = state && 'doc' in state ? state.doc.assets.read(rel) : undefined;
    if (body) return send(res, 200, contentType(rel), body);
    send(res, 404, 'text/plain', 'not found');
  }
}

/** The address to visit: a wildcard host (all interfaces) is visited on this machine. */
function previewUrl(host: string, port: number): string {
  const visit = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  return `http://${visit}:${port}/`;
}

function withReload(html: string, version: number): string {
  return html.replace('</head>', `<script src="/__vb/reload.js?v=${version}"></script>\n</head>`);
}

function errorPage(errors: Diagnostic[]): string {
  const items = errors
    .map((d) => `<li><code>${escape(formatLocation(d))}</code> ${escape(d.message)}${d.hint ? `<br><small>${escape(d.hint)}</small>` : ''}</li>`)
    .join('\n');
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Fouten in de brief</title></head><body><main><h1>De brief bevat fouten</h1><ul>${items}</ul></main></body></html>`;
}

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
