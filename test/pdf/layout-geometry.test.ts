import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { buildWithSharedBrowser, FIXTURES, REPO_ROOT } from '../helpers/build-fixture.js';
import { bodyLines, layoutProblems } from '../helpers/layout-invariants.js';
import { geometryOfType, LETTER } from '../helpers/page-geometry.js';
import { readPdf } from '../helpers/read-pdf.js';

/**
 * The layout rules on real letters, from the PDF's word boxes: the bundled example (a
 * letter with bijlagen) and the document types. Headings and signatories are read from
 * the rendered HTML, so the test follows the letters when their text changes.
 */
function markers(html: string) {
  const text = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&[^;]+;/g, ' ').replace(/\s+/g, ' ').trim();
  const headings = [...html.matchAll(/<h[2-6][^>]*>([\s\S]*?)<\/h[2-6]>/g)].map((m) => text(m[1]!)).filter((h) => h.length > 3);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const signatories = [...html.matchAll(/<p class="vb-naam">([\s\S]*?)<\/p>/g)].map((m) => text(m[1]!));
  // Headings are short lines; a heading longer than a line is found by its start.
  return { heading: new RegExp(`^(?:${headings.map((h) => escape(h.slice(0, 40))).join('|')})`), signatories };
}

describe('page layout by geometry', () => {
  for (const [name, dir, geometry] of [
    ['the example letter', REPO_ROOT, LETTER],
    ['the verzamelbrief', path.join(FIXTURES, 'types/verzamelbrief'), LETTER],
    ['the kamerstuk', path.join(FIXTURES, 'types/kamerstuk'), geometryOfType('kamerstuk')],
  ] as const) {
    it(`${name}: notes at the foot, no heading ending a page, no page less than half full`, async () => {
      const html = check({ dir }).documents[0]!.html;
      const result = await buildWithSharedBrowser(dir);
      const pdf = await readPdf(result.documents[0]!.pdf, geometry);
      expect(pdf.pages.length).toBeGreaterThan(1);
      const m = markers(html);
      // The headings are found in the PDF, so the rule below has something to check.
      expect(pdf.pages.some((p) => bodyLines(p).some((l) => m.heading.test(l.str)))).toBe(true);
      // Pages that end a part (before a bijlage, which starts on a new page) may be short.
      const problems = layoutProblems(pdf, m).filter((p) => !/only \d+% full, and the next page starts with "Bijlage/.test(p));
      expect(problems).toEqual([]);
    });
  }
});
