/** What the PDF says about itself, beyond what Chromium writes. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  /** Written as CreationDate and ModDate, so the same letter gives the same bytes. */
  date: Date;
}

/**
 * Chromium writes the Info dictionary with the current time and without an author.
 * Rather than re-serialising the whole file through a PDF library, this overwrites
 * the two dates in place (same length, so the cross-reference table stays valid) and
 * appends an incremental update with a complete Info dictionary, as the PDF
 * specification allows (ISO 32000-1, 7.5.6). Chromium's own bytes stay untouched.
 */
export function finishPdf(pdf: Uint8Array, meta: PdfMetadata): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const stamp = pdfDate(meta.date);
  const dated = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}[^)]*\)/g, (whole, key: string) => {
    const value = `/${key} (${stamp})`;
    return value.length === whole.length ? value : whole;
  });
  const stable = stableNodeIds(dated);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(stable);
  const size = trailer && /\/Size (\d+)/.exec(trailer[1]!)?.[1];
  const root = trailer && /\/Root (\d+ \d+ R)/.exec(trailer[1]!)?.[1];
  const info = trailer && /\/Info (\d+) (\d+) R/.exec(trailer[1]!);
  // Not a PDF as Chromium writes them: leave it as it is rather than guess.
  if (!trailer || !size || !root || !info) return Buffer.from(stable, 'latin1');

  const body = stable.endsWith('\n') ? stable : `${stable}\n`;
  const objectOffset = Buffer.byteLength(body, 'latin1');
  const entries = [
    `/Title ${pdfString(meta.title)}`,
    `/Author ${pdfString(meta.author)}`,
    ...(meta.subject ? [`/Subject ${pdfString(meta.subject)}`] : []),
    '/Creator (voortgangsbrief)',
    '/Producer (Skia/PDF via voortgangsbrief)',
    `/CreationDate (${stamp})`,
    `/ModDate (${stamp})`,
  ];
  const object = `${info[1]} ${info[2]} obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefOffset = objectOffset + Buffer.byteLength(object, 'latin1');
  const xref =
    `xref\n${info[1]} 1\n${String(objectOffset).padStart(10, '0')} ${String(info[2]).padStart(5, '0')} n \n` +
    `trailer\n<</Size ${size}\n/Root ${root}\n/Info ${info[1]} ${info[2]} R\n/Prev ${trailer[2]}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body + object + xref, 'latin1');
}

/**
 * Tagged table cells carry ids like (node00000408), taken from a renderer-wide DOM
 * node counter that drifts between runs. They appear in /ID, /Headers and the ID name
 * tree (/Names, /Limits). Replacing each by its rank keeps the name tree sorted and,
 * at the same width, moves no byte of the file.
 */
function stableNodeIds(text: string): string {
  const entries = /\/ID \(node\d+\)|\/Headers \[[^\]]*\]|\/Limits \[[^\]]*\]|\/Names \[[^\]]*\]/g;
  const seen = new Set<string>();
  for (const entry of text.match(entries) ?? []) {
    for (const m of entry.matchAll(/\(node(\d+)\)/g)) seen.add(m[1]!);
  }
  const rank = new Map([...seen].sort((a, b) => Number(a) - Number(b)).map((d, i) => [d, String(i + 1).padStart(d.length, '0')]));
  // Only inside those entries: the same pattern inside binary stream data is left alone.
  return text.replace(entries, (entry) =>
    entry.replace(/\(node(\d+)\)/g, (whole, digits: string) => {
      const id = rank.get(digits);
      return id && id.length === digits.length ? `(node${id})` : whole;
    }),
  );
}

/** D:YYYYMMDDHHmmSS+00'00', the length Chromium uses, in UTC. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}

/** A text string as UTF-16BE with BOM, in hex: safe for every character and needs no escaping. */
function pdfString(value: string): string {
  const bytes = Buffer.from(`\uFEFF${value}`, 'utf16le').swap16();
  return `<${bytes.toString('hex').toUpperCase()}>`;
}
