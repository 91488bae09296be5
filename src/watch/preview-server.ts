import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatLocation, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RenderedDocument } from '../layout/render-document.js';
import { contentType } from '../layout/content-type.js';
import { ASSET_POLICY, documentPolicy, securityHeaders } from '../layout/page-policy.js';
import { allowedHosts, isAllowedRequest } from './allowed-hosts.js';

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
  private readonly server = http.createServer((req, res) => this.answer(req, res));
  private allowed: ReadonlySet<string> = new Set();

  constructor() {
    // A request so malformed that node cannot parse it ends that connection, not the preview.
    this.server.on('clientError', (_err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
  }

  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const bound = (this.server.address() as AddressInfo).port;
    this.allowed = allowedHosts(host, bound);
    return previewUrl(host, bound);
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

  /** One request; whatever goes wrong in it is answered, and the preview goes on. */
  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    try {
      if (!isAllowedRequest(req.headers.host, req.headers.origin, this.allowed)) {
        return send(res, 403, 'text/plain; charset=utf-8', 'Only the author\'s own browser may read this preview (open it at 127.0.0.1 or localhost).');
      }
      this.handle(req, res, req.headers.host!.toLowerCase());
    } catch (err) {
      if (err instanceof URIError || err instanceof TypeError) return send(res, 400, 'text/plain; charset=utf-8', 'Bad request: the path is not a valid URL.');
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'The preview could not answer this request.');
      else res.destroy();
    }
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, host: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'The preview only answers GET.');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/__vb/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${this.version}\n\n`);
      this.clients.add(res);
      req.on('close', () => this.clients.delete(res));
      return;
    }
    if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    const policy = documentPolicy(`http://${host}/`, { scripts: ['__vb/reload.js'], connect: ['__vb/events'] });
    if (url.pathname === '/__vb/reload.js') return send(res, 200, 'text/javascript', RELOAD_SCRIPT, ASSET_POLICY);
    const state = this.state;
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!state) return send(res, 503, 'text/plain; charset=utf-8', 'De eerste build loopt nog.');
      const html = 'doc' in state ? state.doc.html : errorPage(state.errors);
      return send(res, 200, 'text/html; charset=utf-8', withReload(html, this.version), policy);
    }
    const rel = decodeURIComponent(url.pathname.slice(1));
    const body = state && 'doc' in state ? state.doc.assets.read(rel) : undefined;
    if (body) return send(res, 200, contentType(rel), body, ASSET_POLICY);
    send(res, 404, 'text/plain', 'not found');
  }
}

/** The address to visit: a wildcard host (all interfaces) is visited on this machine. */
function previewUrl(host: string, port: number): string {
  const visit = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  return `http://${visit}:${port}/`;
}

/**
 * The reload script and its event stream. The layout's own <meta> policy (for the
 * HTML opened from disk) allows no connections; the policy sent with the preview
 * replaces it, allowing the event stream and nothing else.
 */
function withReload(html: string, version: number): string {
  return html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/gi, '').replace('</head>', `<script src="/__vb/reload.js?v=${version}"></script>\n</head>`);
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

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, policy = ASSET_POLICY): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...securityHeaders(policy) });
  res.end(body);
}
