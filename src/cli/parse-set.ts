import { parseYaml } from '../parse/yaml-on-demand.js';
import { FORBIDDEN_KEYS } from '../parse/forbidden-keys.js';
import { UsageError } from './usage-error.js';

/**
 * `--set datum=2025-07-01 --set afzender.website=www.example.nl` → nested object,
 * the top layer of the data cascade. Values are read as YAML scalars, so
 * `nummering=false` is a boolean and `datum=2025-07-01` stays a string.
 */
export function parseSetFlags(pairs: readonly string[]): Record<string, unknown> | undefined {
  if (!pairs.length) return undefined;
  const out = Object.create(null) as Record<string, unknown>;
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq) : '';
    if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(key)) {
      throw new UsageError(`--set expects key=value, e.g. --set datum=2025-07-01 (got "${pair}")`);
    }
    const reserved = key.split('.').find((part) => FORBIDDEN_KEYS.has(part));
    if (reserved) throw new UsageError(`--set cannot set "${reserved}": __proto__, constructor and prototype are reserved names (got "${pair}")`);
    if (key.split('.')[0] === 'browser') {
      throw new UsageError('--set browser=… is not a field of the letter; choose the browser with --browser <path>');
    }
    let value: unknown;
    try {
      value = parseYaml(pair.slice(eq + 1));
    } catch {
      value = pair.slice(eq + 1);
    }
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node = (next && typeof next === 'object' ? next : (node[part] = Object.create(null))) as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = value;
  }
  return out;
}
