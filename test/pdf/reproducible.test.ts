import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildWithSharedBrowser, FIXTURES, REPO_ROOT } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

describe('reproducible PDFs', () => {
  afterEach(() => {
    delete process.env.SOURCE_DATE_EPOCH;
  });

  it('gives byte-identical PDFs for the same input, dated by the letter', async () => {
    // The example has tables, whose tagged cells carry ids from a drifting DOM counter.
    // A build of another letter in between moves that counter on.
    const a = await buildWithSharedBrowser(REPO_ROOT);
    await buildWithSharedBrowser(path.join(FIXTURES, 'minimal'));
    const b = await buildWithSharedBrowser(REPO_ROOT);
    const pdfA = readFileSync(a.documents[0]!.pdf);
    expect(pdfA.equals(readFileSync(b.documents[0]!.pdf))).toBe(true);
    const { info } = await readPdf(pdfA);
    expect(info.CreationDate).toBe("D:20250630000000+00'00'");
    expect(info.ModDate).toBe("D:20250630000000+00'00'");
  });

  it('writes title, author and subject into the PDF, and takes its date from SOURCE_DATE_EPOCH', async () => {
    process.env.SOURCE_DATE_EPOCH = '1751328000'; // 2025-07-01T00:00:00Z
    const result = await buildWithSharedBrowser(REPO_ROOT);
    const { info, pages } = await readPdf(result.documents[0]!.pdf);
    expect(info.Title).toBe('Voortgang aanpak huiselijk geweld en kindermishandeling 2025');
    expect(info.Author).toBe('Ministerie van Volksgezondheid, Welzijn en Sport');
    expect(info.Subject).toBe('Voortgang aanpak huiselijk geweld en kindermishandeling 2025');
    expect(info.CreationDate).toBe("D:20250701000000+00'00'");
    const raw = readFileSync(result.documents[0]!.pdf).toString('latin1');
    // Tagged (PDF/UA asks for a structure tree and marked content), in Dutch, showing its title.
    expect(raw).toContain('/Lang (nl)');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/MarkInfo <<\/Type \/MarkInfo\s*\/Marked true>>/);
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toMatch(/\/S \/Table/);
    expect(raw).toMatch(/\/S \/TH/);
    expect(pages.length).toBe(result.documents[0]!.pages);
  });
});
