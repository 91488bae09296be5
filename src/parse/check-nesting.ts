import { inputError } from '../diagnostics/diagnostic.js';

/** Deeper than any letter needs, far below what remark survives (see below). */
export const MAX_NESTING = 32;
const MAX_INDENT = 128;
const MAX_DELIMITER_RUN = 100;

/**
 * remark parses nested blocks and emphasis recursively: a line of 3,000 "> " or 1,000
 * "- " markers overflows the stack, and 400 nested list levels take seconds. No letter
 * nests that deep, so such input is refused here, with its line, before it reaches the
 * Markdown stage. Fenced code is skipped: its indentation is content.
 */
export function checkNesting(body: string, file: string, bodyLine: number): void {
  let fence: string | undefined;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fenceMark = /^[ \t>]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (fenceMark?.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    const where = (column: number) => ({ file, line: bodyLine + i, column });
    // ">" needs no space after it (">>>" is three quotes); list markers do.
    const prefix = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*/.exec(line)?.[0] ?? '';
    const markers = prefix.match(/>|[-*+]|\d{1,9}[.)]/g)?.length ?? 0;
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
    if (markers > MAX_NESTING || indent > MAX_INDENT) {
      throw inputError(
        where(1),
        `quotes or lists are nested too deeply here (more than ${MAX_NESTING} levels or ${MAX_INDENT} columns of indentation)`,
        'a letter needs a few levels at most; remove the extra ">", "-" or indentation',
      );
    }
    const run = new RegExp(`[*_]{${MAX_DELIMITER_RUN + 1},}`).exec(line);
    if (run) {
      throw inputError(
        where(run.index + 1),
        `a run of ${run[0].length} "*" or "_" characters nests emphasis too deeply`,
        'use a few * or _ for emphasis; for a line to fill in, write a shorter run',
      );
    }
  }
}
