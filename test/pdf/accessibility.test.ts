import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { check } from '../../src/check.js';
import { paginatePage } from '../../src/pdf/paginate-page.js';
import { REPO_ROOT } from '../helpers/build-fixture.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

describe('accessible HTML', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await puppeteer.connect({ browserWSEndpoint: inject('browserWSEndpoint') });
  });
  afterAll(() => browser?.disconnect());

  it('the example letter, paginated as in the preview, has no axe-core violations', async () => {
    const doc = check({ dir: REPO_ROOT }).documents[0]!;
    const { page } = await paginatePage(browser, doc, 60_000);
    try {
      // DevTools evaluation is not subject to the page's Content-Security-Policy.
      await page.evaluate(axeSource);
      const violations = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
        return (await axe.run(document)).violations;
      })) as AxeViolation[];
      const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
