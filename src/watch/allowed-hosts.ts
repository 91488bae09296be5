/**
 * The names by which the author's own browser reaches the preview: the loopback
 * addresses and "localhost", with the preview's port. A web page open in the same
 * browser can point a host name of its own at 127.0.0.1 (DNS rebinding) and read the
 * letter; its requests carry that name in Host, and its origin in Origin, so both must
 * be one of these. `watch --host` widens the list with the host it binds to.
 */
export function allowedHosts(boundHost: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (boundHost && !['0.0.0.0', '::'].includes(boundHost)) names.add(boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost);
  return new Set([...names].map((name) => `${name.toLowerCase()}:${port}`));
}

/** Whether a request's Host and Origin (if any) name the preview itself. */
export function isAllowedRequest(host: string | undefined, origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!host || !allowed.has(host.toLowerCase())) return false;
  if (origin === undefined) return true;
  const m = /^http:\/\/([^/]+)$/i.exec(origin);
  return Boolean(m && allowed.has(m[1]!.toLowerCase()));
}
