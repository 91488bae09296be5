/** Where the page runner is served, relative to the document: the only script a letter's page runs. */
export const RUNNER_ASSET = 'assets/page-runner.js';

/**
 * The Content-Security-Policy of a letter's page, sent as a response header, so a
 * project's own layout (which may drop the <meta> of html-kop.hbs) cannot loosen it.
 * Scripts: the page runner alone (and the preview's reload script); no connections of
 * any kind (fetch, WebSocket, EventSource), no frames, objects, workers or forms.
 * Styles and images may come from the document's own origin.
 */
export function documentPolicy(origin: string, extra: { scripts?: string[]; connect?: string[] } = {}): string {
  const base = origin.endsWith('/') ? origin : `${origin}/`;
  const scripts = [`${base}${RUNNER_ASSET}`, ...(extra.scripts ?? []).map((s) => `${base}${s}`)];
  const connect = extra.connect?.length ? extra.connect.map((s) => `${base}${s}`).join(' ') : "'none'";
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "frame-src 'none'",
    "child-src 'none'",
    "worker-src 'none'",
    "object-src 'none'",
    "media-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Every other file the page loads (an image, a font, a stylesheet) gets a policy
 * that makes it inert should it ever be opened as a document of its own (an SVG in
 * an <object> or a frame): sandboxed, no scripts, nothing loaded.
 */
export const ASSET_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox";

/** Headers for a served file: its type, its policy, and no sniffing of another type. */
export function securityHeaders(policy: string): Record<string, string> {
  return { 'content-security-policy': policy, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
}
