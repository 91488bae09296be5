/**
 * Keys that reach an object's prototype in JavaScript. As data they would pollute it,
 * or let a template walk from a value to its constructor; they have no meaning in a
 * letter, so they are refused wherever they are written (src/model/refuse-keys.ts).
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
