import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWithSharedBrowser, copyFixture, tempDir } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

/**
 * Issue 12, item 8: raw HTML in Markdown that is no prose is removed with its content.
 * `<style>` (in any case, in a list item, inline in a paragraph) must not restyle the
 * letter nor show its CSS as text in the PDF; scripts, style sheets, frames and objects
 * are removed as well. Checked in the written HTML and in the PDF's text.
 */
const SECTION = `---
titel: Opmaak
---
Voor de stijl.

<style>body{color:red}</style>

<STYLE type="text/css">.vb-sectie p{font-size:40pt}</STYLE>

- Een punt met <style>li{color:blue}</style> stijl erin.
- Een punt met <StYlE>em{color:green}</StYlE> en meer.

Een alinea met inline <style>p{margin:99mm}</style> CSS.

<script>document.title="gekaapt"</script>

<link rel="stylesheet" href="https://example.org/kaap.css">

<iframe src="https://example.org/"><p>IFRAMETEKST</p></iframe>

<object data="kaap.svg"><p>OBJECTTEKST</p></object>

Na de stijl.
`;

const CSS_TEXTS = ['color:red', 'font-size:40pt', 'color:blue', 'color:green', 'margin:99mm', 'gekaapt', 'kaap.css', 'IFRAMETEKST', 'OBJECTTEKST'];

describe('raw HTML that is no prose', () => {
  let html: string;
  let pdfText: string;

  beforeAll(async () => {
    const dir = copyFixture('minimal');
    writeFileSync(path.join(dir, 'secties/02-opmaak.md'), SECTION);
    const out = tempDir('vb-raw-html-out-');
    await buildWithSharedBrowser(dir, out);
    html = readFileSync(path.join(out, 'brief.html'), 'utf8');
    pdfText = (await readPdf(path.join(out, 'brief.pdf'))).pages.map((p) => p.text).join('\n');
  });

  it('keeps the prose around it', () => {
    for (const text of ['Voor de stijl.', 'Een punt met', 'stijl erin.', 'en meer.', 'Een alinea met inline', 'CSS.', 'Na de stijl.']) {
      expect(html, text).toContain(text);
      expect(pdfText.replace(/\s+/g, ' '), text).toContain(text);
    }
  });

  it('writes none of the tags nor their content into the HTML', () => {
    // The section's part of the page: the layout's own <style> and page runner <script> are the tool's.
    const section = html.slice(html.indexOf('Voor de stijl.'), html.indexOf('Na de stijl.'));
    expect(section).not.toMatch(/<\s*(style|script|link|iframe|object)\b/i);
    for (const text of CSS_TEXTS) expect(html, text).not.toContain(text);
  });

  it('shows no CSS text in the PDF', () => {
    const flat = pdfText.replace(/\s+/g, '');
    for (const text of CSS_TEXTS) expect(flat, text).not.toContain(text.replace(/\s+/g, ''));
    expect(flat).not.toMatch(/\{[a-z-]+:[^}]*\}/);
  });
});
