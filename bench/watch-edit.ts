import http from 'node:http';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { check } from '../src/check.js';
import { contentType } from '../src/layout/content-type.js';
import { DOCUMENT_ORIGIN } from '../src/pdf/paginate-page.js';
import { watchProject, type WatchEvent } from '../src/watch/watch-project.js';
import { alternate } from './alternate.js';
import { printNative } from './native-page.js';

export interface WatchTimes {
  /** File written → the preview's event stream announces the new version. */
  preview: number[];
  /** File written → the new PDF is on disk. */
  pdf: number[];
  /** Chromium's own print of the same letter in a running browser. */
  native: number[];
}

/** Resolves with the time of each new version announced on the preview's event stream. */
function listenForVersions(url: string): { next(): Promise<number>; close(): void } {
  let waiting: ((t: number) => void) | undefined;
  let seen = -1;
  const req = http.get(new URL('__vb/events', url), (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      for (const m of chunk.matchAll(/data: (\d+)/g)) {
        const version = Number(m[1]);
        if (version > seen && seen >= 0) waiting?.(performance.now());
        seen = Math.max(seen, version);
      }
    });
  });
  req.on('error', () => undefined);
  return {
    next: () => new Promise((resolve) => (waiting = resolve)),
    close: () => req.destroy(),
  };
}

/**
 * P3: a running `watch` session (preview server, one browser, the build cache), one
 * section edited per round. Each round times the save until the preview announces
 * the change and until the PDF is rewritten; the baseline is a warm native print of
 * the same letter in another running browser, alternating with the edits.
 */
export async function measureWatchEdits(dir: string, nativeBrowser: Browser, rounds: number, log: (m: string) => void): Promise<WatchTimes> {
  let onPdf: ((t: number) => void) | undefined;
  const onEvent = (e: WatchEvent): void => {
    if (e.kind === 'pdf') onPdf?.(performance.now());
    if (e.kind === 'failure' || e.kind === 'errors') log(`watch: ${JSON.stringify(e).slice(0, 300)}`);
  };
  const session = await watchProject({ dir, port: 0, onEvent });
  const versions = listenForVersions(session.url);
  const doc = check({ dir }).documents[0]!;
  const source = { html: doc.html, asset: (url: string) => doc.assets.get(url), contentType };
  // The first section of whichever letter is watched (the example or a generated one).
  const first = readdirSync(path.join(dir, 'secties')).filter((f) => f.endsWith('.md')).sort()[0];
  if (!first) throw new Error(`${dir}/secties has no section to edit`);
  const file = path.join(dir, 'secties', first);
  const original = readFileSync(file, 'utf8');
  let edits = 0;
  const edit = async () => {
    await session.settled();
    const pdf = new Promise<number>((resolve) => (onPdf = resolve));
    const preview = versions.next();
    const started = performance.now();
    writeFileSync(file, `${original}\nEen zin die bij wijziging ${++edits} is toegevoegd.\n`);
    const [p, f] = await Promise.all([preview, pdf]);
    return { preview: p - started, pdf: f - started };
  };
  const native = async () => {
    const started = performance.now();
    await printNative(nativeBrowser, source, DOCUMENT_ORIGIN);
    return { preview: 0, pdf: performance.now() - started };
  };
  try {
    // Warm-up: the first edit and print pay for compiling code paths.
    await edit();
    await native();
    const { as, bs } = await alternate(rounds, edit, native, (i) => log(`watch round ${i + 1}/${rounds}`));
    return { preview: as.map((r) => r.preview), pdf: as.map((r) => r.pdf), native: bs.map((r) => r.pdf) };
  } finally {
    versions.close();
    await session.close();
    writeFileSync(file, original);
  }
}
