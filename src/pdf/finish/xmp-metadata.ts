/** What the XMP packet says; the same values as the Info dictionary. */
export interface XmpFields {
  title: string;
  author: string;
  subject?: string;
  /** BCP 47, from the catalog's /Lang. */
  language: string;
  date: Date;
  creator: string;
  producer: string;
}

/**
 * The XMP metadata stream (ISO 16684-1) that identifies the file as PDF/UA-1
 * (ISO 14289-1, 5: pdfuaid:part) and repeats title, author, language and dates.
 * Nothing in it depends on the run, so the same letter gives the same bytes.
 */
export function xmpMetadata(f: XmpFields): string {
  const date = f.date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const alt = (v: string): string => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(v)}</rdf:li></rdf:Alt>`;
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(f.title)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(f.author)}</rdf:li></rdf:Seq></dc:creator>`,
    ...(f.subject ? [`<dc:description>${alt(f.subject)}</dc:description>`] : []),
    `<dc:language><rdf:Bag><rdf:li>${xml(f.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${xml(f.creator)}</xmp:CreatorTool>`,
    `<pdf:Producer>${xml(f.producer)}</pdf:Producer>`,
    '<pdfuaid:part>1</pdfuaid:part>',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ];
  return lines.join('\n');
}

function xml(value: string): string {
  // Characters XML 1.0 cannot hold at all are dropped rather than written broken.
  return value
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
