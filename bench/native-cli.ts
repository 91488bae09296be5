import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripScripts } from './native-page.js';
import { timeProcess, type SpawnMeasurement } from './timed-spawn.js';

/**
 * Chromium printing a file from its own command line (`--print-to-pdf`): no node, no
 * puppeteer, no DevTools protocol, no page runner. This is the floor issue 16 measures
 * against: the same final HTML the CLI wrote, with the page runner's script removed,
 * printed by the headless shell (P1) and by `chromium --headless=new` (for context).
 */
export interface NativePrinter {
  /** "shell" or "new", for the report. */
  mode: 'shell' | 'new';
  executable: string;
  print(htmlFile: string, pdf: string, options?: { sampleMemory?: boolean }): Promise<SpawnMeasurement>;
}

/**
 * The flags any headless print needs here (root: no sandbox; a fresh profile, as the CLI
 * uses) and the two that make the PDF what the CLI's is, tagged with an outline; no
 * header and footer, as page.pdf() prints by default.
 */
function printArgs(mode: 'shell' | 'new', profile: string, htmlFile: string, pdf: string): string[] {
  return [
    ...(mode === 'new' ? ['--headless=new'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    '--font-render-hinting=none',
    `--user-data-dir=${profile}`,
    '--export-tagged-pdf',
    '--generate-pdf-document-outline',
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdf}`,
    pathToFileURL(htmlFile).href,
  ];
}

export function nativePrinter(mode: 'shell' | 'new', executable: string): NativePrinter {
  return {
    mode,
    executable,
    async print(htmlFile, pdf, options = {}) {
      const profile = mkdtempSync(path.join(os.tmpdir(), 'voortgangsbrief-bench-native-'));
      rmSync(pdf, { force: true });
      try {
        const m = await timeProcess(executable, printArgs(mode, profile, htmlFile, pdf), { cwd: path.dirname(htmlFile), ...options });
        // Chromium exits 0 even when it printed nothing (a bad URL): check the file.
        if (!existsSync(pdf)) throw new Error(`${executable} wrote no PDF:\n${m.stderr.trim()}`);
        return m;
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Writes the HTML the native printers load: the CLI's written HTML, beside its assets
 * (so fonts, logo and charts load over file:// as the CLI's own HTML output does), with
 * its only script, the page runner, removed.
 */
export function writeNativeHtml(htmlFile: string): { file: string; removed: number } {
  const { html, removed } = stripScripts(readFileSync(htmlFile, 'utf8'));
  const file = path.join(path.dirname(htmlFile), 'native.html');
  writeFileSync(file, html);
  return { file, removed };
}

/** Page objects in a PDF; good enough for a sanity check, not for parsing. */
export function countPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}
