import { describe, expect, it } from 'vitest';
import { finishPdf } from '../../src/pdf/finish-pdf.js';
import { wrapUntagged } from '../../src/pdf/finish/mark-artifacts.js';
import { PdfDict, PdfName, PdfReader, PdfRef, PdfString, serialize } from '../../src/pdf/finish/pdf-syntax.js';

describe('artifacts in content streams', () => {
  it('wraps untagged painting between structure boundaries and leaves tagged content alone', () => {
    const content = [
      'q 1 0 0 -1 0 841 cm',
      '0 0 100 20 re f',
      'BT /F4 9 Tf',
      '/P <</MCID 0 >>BDC',
      '<0014> Tj',
      'EMC',
      '10 0 Td <0015> Tj',
      'ET',
      'Q',
    ].join('\n');
    expect(wrapUntagged(content)).toBe(
      [
        'q\n/Artifact BMC\n 1 0 0 -1 0 841 cm',
        '0 0 100 20 re f\nEMC',
        'BT /F4 9 Tf',
        '/P <</MCID 0 >>BDC',
        '<0014> Tj',
        'EMC\n/Artifact BMC\n',
        '10 0 Td <0015> Tj\nEMC',
        'ET',
        'Q',
      ].join('\n'),
    );
  });

  it('wraps a run of glyphs as Chromium writes them, one glyph per Tj, as one piece that ends at its last glyph', () => {
    // The same output as the operator-by-operator scan before glyph runs were matched whole.
    const glyphs = '<0017> Tj\n8.6062317 0 Td <004B> Tj\n-6.89 0 Td <006F> Tj';
    expect(wrapUntagged(`BT /F4 12 Tf\n${glyphs}\n4.1 0 Td\nET`)).toBe(`BT\n/Artifact BMC\n /F4 12 Tf\n${glyphs}\nEMC\n4.1 0 Td\nET`);
    // A run that meets marked content stops there, and the tagged glyphs stay tagged.
    expect(wrapUntagged(`BT <0001> Tj 2 0 Td /P <</MCID 0 >>BDC <0002> Tj 3 0 Td <0003> Tj EMC <0004> Tj ET`)).toBe(
      'BT\n/Artifact BMC\n <0001> Tj\nEMC 2 0 Td /P <</MCID 0 >>BDC <0002> Tj 3 0 Td <0003> Tj EMC\n/Artifact BMC\n <0004> Tj\nEMC ET',
    );
  });

  it('does not wrap runs that paint nothing, turns the given marks into artifacts and skips strings that look like operators', () => {
    expect(wrapUntagged('q 0 0 10 10 re W n Q')).toBe('q 0 0 10 10 re W n Q');
    expect(wrapUntagged('/Table <</MCID 3 >>BDC 0 0 5 5 re f EMC', new Set([3]))).toBe('/Artifact BMC 0 0 5 5 re f EMC');
    expect(wrapUntagged('BT (EMC BDC \\) Tj) Tj ET')).toBe('BT\n/Artifact BMC\n (EMC BDC \\) Tj) Tj\nEMC ET');
    // Inline images are not read: the stream stays as it was.
    expect(wrapUntagged('BI /W 1 /H 1 ID x EI')).toBe('BI /W 1 /H 1 ID x EI');
  });
});

describe('PDF object syntax', () => {
  it('reads and writes the values Chromium uses', () => {
    const text = '<</Type /StructElem /S /P /K [0 1 <</Type /MCR /Pg 3 0 R /MCID 2>>] /Alt (a \\(b\\) \\351) /T <FEFF0041> /R 814.91998 /N null /B true>>';
    const value = new PdfReader(text).value() as PdfDict;
    expect(value.name('S')).toBe('P');
    expect((value.get('Alt') as PdfString).text()).toBe('a (b) é');
    expect((value.get('T') as PdfString).text()).toBe('A');
    const kids = value.get('K') as unknown[];
    expect((kids[2] as PdfDict).ref('Pg')).toEqual(new PdfRef(3, 0));
    const again = new PdfReader(serialize(value)).value() as PdfDict;
    expect(serialize(again)).toBe(serialize(value));
    expect(serialize(PdfDict.of({ S: new PdfName('A B'), V: PdfString.text('Ã©') }))).toBe('<</S /A#20B\n/V <FEFF00C300A9>>>');
  });
});

describe('finishPdf', () => {
  it('leaves a file it cannot read as it is, apart from the dates', () => {
    const odd = Buffer.from("%PDF-1.4\n1 0 obj\n<</CreationDate (D:20260101120000+00'00')>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n", 'latin1');
    const out = Buffer.from(finishPdf(odd, { title: 't', author: 'a', date: new Date('2025-06-30T00:00:00Z') })).toString('latin1');
    expect(out).toBe(odd.toString('latin1').replace('D:20260101120000', 'D:20250630000000'));
  });
});
