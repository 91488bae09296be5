import { readFileSync } from 'node:fs';
import path from 'node:path';
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
  const lines = [`${shown}:${d.line}:${d.column}: ${label}: ${d.message}`];
  const frame = codeFrame(d);
  if (frame) lines.push(frame);
  if (d.hint) lines.push(`  hint: ${d.hint}`);
  return lines.join('\n');
}

function codeFrame(d: Diagnostic): string | undefined {
  let text: string;
  try {
    text = readFileSync(d.file, 'utf8');
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
    const src = (all[n - 1] ?? '').slice(0, 160);
    const marker = n === d.line ? '>' : ' ';
    out.push(`  ${marker} ${String(n).padStart(width)} | ${src}`);
    if (n === d.line) {
      out.push(`    ${' '.repeat(width)} | ${' '.repeat(Math.max(0, d.column - 1))}^`);
    }
  }
  return out.join('\n');
}
