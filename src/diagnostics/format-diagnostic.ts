import path from 'node:path';
import { readRegularFile } from '../project/read-regular-file.js';
import type { Diagnostic } from './diagnostic.js';

/**
 * Renders a diagnostic as `file:line:col: severity: message`, a code frame of the
 * lines around it with a caret, and the hint. The frame is read from disk lazily so
 * stages need not carry source text around.
 */
export function formatDiagnostic(d: Diagnostic, cwd = process.cwd(), color = false): string {
  const shown = path.isAbsolute(d.file) ? path.relative(cwd, d.file) || d.file : d.file;
  const red = (s: string) => (color ? `\x1b[31m${s}\x1b[0m` : s);
  const yellow = (s: string) => (color ? `\x1b[33m${s}\x1b[0m` : s);
  const label = d.severity === 'error' ? red('error') : yellow('warning');
  const lines = [`${escapeControls(shown)}:${d.line}:${d.column}: ${label}: ${escapeControls(d.message)}`];
  const frame = codeFrame(d);
  if (frame) lines.push(frame);
  if (d.hint) lines.push(`  hint: ${escapeControls(d.hint, true)}`);
  return lines.join('\n');
}

function codeFrame(d: Diagnostic): string | undefined {
  let text: string;
  try {
    // Never a FIFO or a device (the diagnostic may be about exactly that), never megabytes.
    text = readRegularFile(d.file, 16 * 1024 * 1024).toString('utf8');
  } catch {
    return undefined;
  }
  // A UTF-16 or binary file would print control bytes to the terminal.
  if (text.includes('\u0000')) return undefined;
  const all = text.split(/\r?\n/);
  if (d.line < 1 || d.line > all.length) return undefined;
  const first = Math.max(1, d.line - 2);
  const last = Math.min(all.length, d.line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const raw = (all[n - 1] ?? '').slice(0, 160);
    const marker = n === d.line ? '>' : ' ';
    out.push(`  ${marker} ${String(n).padStart(width)} | ${escapeControls(raw)}`);
    if (n === d.line) {
      // The caret counts the escaped characters before it, so it stays under its place.
      const before = escapeControls(raw.slice(0, Math.max(0, d.column - 1))).length + Math.max(0, d.column - 1 - raw.length);
      out.push(`    ${' '.repeat(width)} | ${' '.repeat(before)}^`);
    }
  }
  return out.join('\n');
}

/**
 * A quoted source line goes to the author's terminal: an escape sequence in it could
 * clear the screen, rewrite the title or hide text, and bidirectional controls can
 * make the line read differently from what it holds ("Trojan Source"). They are shown
 * as visible escapes instead. Tabs stay; in a hint, so do line breaks.
 */
export function escapeControls(text: string, keepNewlines = false): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (keepNewlines && c === '\n') return c;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
