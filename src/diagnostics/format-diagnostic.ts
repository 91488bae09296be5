import path from 'node:path';
import { readRegularFile } from '../project/read-regular-file.js';
import { formatLocation, type Diagnostic } from './diagnostic.js';

/**
 * Renders a diagnostic as `file:line:col: severity: message`, a code frame of the
 * lines around it with carets under the range (or one caret at the column), and the
 * hint. The frame is read from disk lazily so stages need not carry source text
 * around; the positions are already the author's own (see position-map.ts).
 */
export function formatDiagnostic(d: Diagnostic, cwd = process.cwd(), color = false): string {
  const shown = path.isAbsolute(d.file) ? path.relative(cwd, d.file) || d.file : d.file;
  const red = (s: string) => (color ? `\x1b[31m${s}\x1b[0m` : s);
  const yellow = (s: string) => (color ? `\x1b[33m${s}\x1b[0m` : s);
  const label = d.severity === 'error' ? red('error') : yellow('warning');
  const lines = [`${escapeControls(formatLocation(d, shown))}: ${label}: ${escapeControls(d.message)}`];
  const frame = d.line > 0 ? codeFrame(d) : undefined;
  if (frame) lines.push(frame);
  if (d.hint) lines.push(`  hint: ${escapeControls(d.hint, true)}`);
  return lines.join('\n');
}

/** The frame of `d` in `text`, or undefined when the line is not in it. */
export function codeFrameOf(d: Diagnostic, text: string): string | undefined {
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
    if (n === d.line) out.push(`    ${' '.repeat(width)} | ${caret(raw, d)}`);
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

/**
 * Carets under the columns from `d.column` to the end of its range on this line. The
 * padding copies the line's tabs, so the caret stands under the character in a
 * terminal whatever its tab width.
 */
function caret(line: string, d: Diagnostic): string {
  const start = Math.max(0, Math.min(line.length, d.column - 1));
  const end = d.end && d.end.line === d.line ? Math.min(line.length, d.end.column - 1) : d.end ? line.length : start + 1;
  // The padding copies the tabs and counts escaped control characters at their shown width.
  const pad = escapeControls(line.slice(0, start)).replace(/[^\t]/g, ' ') + ' '.repeat(Math.max(0, d.column - 1 - line.length));
  return `${pad}${'^'.repeat(Math.max(1, escapeControls(line.slice(start, Math.max(end, start + 1))).length))}`;
}

function codeFrame(d: Diagnostic): string | undefined {
  try {
    // Never a FIFO or a device (the diagnostic may be about exactly that), never megabytes.
    return codeFrameOf(d, readRegularFile(d.file, 16 * 1024 * 1024).toString('utf8'));
  } catch {
    return undefined;
  }
}
