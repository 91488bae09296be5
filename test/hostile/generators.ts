import { execFileSync } from 'node:child_process';
import { closeSync, cpSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Inputs that cannot live in the repository: megabytes of text, and symbolic links
 * (git would store them, but a link that leaves the checkout points at whatever is on
 * the machine). A case names its generator in expected.json ("generate"); the case is
 * copied to a temporary folder named like the case, and the generator adds the rest.
 * `outside` is a second temporary folder, outside the project, for links to point at.
 */
type Generator = (project: string, outside: string) => void;

const SECTION = (titel: string, body: string) => `---\ntitel: ${titel}\n---\n${body}\n`;

function link(project: string, from: string, to: string): void {
  mkdirSync(path.dirname(path.join(project, from)), { recursive: true });
  symlinkSync(to, path.join(project, from));
}

function outsideFile(outside: string, name: string, content: string): string {
  const file = path.join(outside, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** A named pipe in place of a file: reading it would block the build for ever. */
function fifo(project: string, file: string): void {
  const target = path.join(project, file);
  mkdirSync(path.dirname(target), { recursive: true });
  rmSync(target, { force: true });
  execFileSync('mkfifo', [target]);
}

/** A sparse file of `bytes`: it claims gigabytes and takes no room on the disk. */
function sparse(project: string, file: string, bytes: number, head: Buffer = Buffer.alloc(0)): void {
  const target = path.join(project, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, head);
  const fd = openSync(target, 'r+');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

/** A PNG header that claims `width` × `height` pixels (the rest of the file does not matter). */
function pngHeader(width: number, height: number): Buffer {
  const head = Buffer.from('89504e470d0a1a0a0000000d4948445200000000000000000806000000', 'hex');
  head.writeUInt32BE(width, 16);
  head.writeUInt32BE(height, 20);
  return head;
}

export const GENERATORS: Record<string, Generator> = {
  'fifo-section': (project) => fifo(project, 'secties/02-pijp.md'),
  'fifo-brief': (project) => fifo(project, 'brief.md'),
  'fifo-config': (project) => fifo(project, 'voortgangsbrief.config.yaml'),
  'fifo-data': (project) => fifo(project, 'data/cijfers.yaml'),
  'fifo-image': (project) => fifo(project, 'secties/kaart.png'),
  'fifo-logo': (project) => fifo(project, 'afbeeldingen/logo.svg'),
  'fifo-font': (project) => fifo(project, 'fonts/letter.woff2'),
  'fifo-partial': (project) => fifo(project, 'templates/partials/colofon-vervolg.hbs'),
  'fifo-style': (project) => fifo(project, 'templates/style.css'),
  'fifo-bijlage': (project) => fifo(project, 'bijlagen/01-pijp.md'),
  'sparse-image': (project) => sparse(project, 'secties/kaart.png', 4 * 1024 ** 3, pngHeader(800, 600)),
  'sparse-logo': (project) => sparse(project, 'afbeeldingen/logo.png', 6 * 1024 ** 3, pngHeader(130, 371)),
  'sparse-font': (project) => sparse(project, 'fonts/letter.woff2', 3 * 1024 ** 3),
  'sparse-data': (project) => sparse(project, 'data/groot.csv', 5 * 1024 ** 3, Buffer.from('jaar,aantal\n')),
  'sparse-section': (project) => sparse(project, 'secties/02-groot.md', 2 * 1024 ** 3, Buffer.from('---\ntitel: Groot\n---\n')),
  'image-huge-png': (project) => writeFileSync(path.join(project, 'secties/kaart.png'), pngHeader(100_000, 100_000)),
  'image-wide-png': (project) => writeFileSync(path.join(project, 'secties/kaart.png'), pngHeader(30_000, 10)),
  'link-dev-zero': (project) => link(project, 'secties/02-nul.md', '/dev/zero'),
  'fifo-data-csv': (project) => fifo(project, 'data/rijen.csv'),
  'fifo-data-json': (project) => fifo(project, 'data/extra.json'),
  'fifo-layout': (project) => fifo(project, 'templates/brief.hbs'),
  'fifo-sectie-partial': (project) => fifo(project, 'templates/partials/sectie.hbs'),
  'sparse-svg-logo': (project) => sparse(project, 'afbeeldingen/logo.svg', 3 * 1024 ** 3, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">')),
  'sparse-config': (project) => sparse(project, 'voortgangsbrief.config.yaml', 2 * 1024 ** 3, Buffer.from('nummering: true\n')),
  'sparse-partial': (project) => sparse(project, 'templates/partials/logo.hbs', 1024 ** 3, Buffer.from('<div>')),
  'image-huge-gif': (project) => {
    const head = Buffer.from('GIF89a\0\0\0\0', 'latin1');
    head.writeUInt16LE(60_000, 6);
    head.writeUInt16LE(60_000, 8);
    writeFileSync(path.join(project, 'secties/kaart.gif'), head);
  },
  'image-huge-jpeg': (project) => {
    // SOI, then a baseline frame header (SOF0) of 65,000 × 65,000 pixels.
    const sof = Buffer.from('ffd8ffc0001108fde8fde803012200021101031101', 'hex');
    writeFileSync(path.join(project, 'secties/kaart.jpg'), sof);
  },
  'image-huge-webp': (project) => {
    const head = Buffer.alloc(30);
    head.write('RIFF', 0, 'latin1');
    head.write('WEBPVP8X', 8, 'latin1');
    head.writeUIntLE(16_383, 24, 3);
    head.writeUIntLE(16_383, 27, 3);
    writeFileSync(path.join(project, 'secties/kaart.webp'), head);
  },
  'large-section': (project) => {
    const paragraph = 'Het aantal meldingen bij Veilig Thuis nam in 2024 opnieuw toe. '.repeat(16) + '\n\n';
    const body = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length));
    writeFileSync(path.join(project, 'secties/02-groot.md'), SECTION('Groot', body.slice(0, 5 * 1024 * 1024 - 40)));
  },
  'large-data': (project) => {
    mkdirSync(path.join(project, 'data'), { recursive: true });
    const line = 'regel: "Het aantal meldingen bij Veilig Thuis nam in 2024 opnieuw toe."\n';
    writeFileSync(path.join(project, 'data/groot.yaml'), line.repeat(Math.ceil((10 * 1024 * 1024) / line.length)).slice(0, 10 * 1024 * 1024));
  },
  'large-csv-ragged': (project) => {
    mkdirSync(path.join(project, 'data'), { recursive: true });
    // 50,000 data rows; row 40,000 (file line 40,002) has one field too many.
    const rows = Array.from({ length: 50_000 }, (_, i) => `${2000 + (i % 25)},Regio ${i},${i * 7}${i === 40_000 ? ',extra' : ''}`);
    writeFileSync(path.join(project, 'data/groot.csv'), `jaar,regio,meldingen\n${rows.join('\n')}\n`);
  },
  'markdown-total': (project) => {
    // Five sections of 250 KiB: each under the per-file limit, together over 1 MiB.
    const body = 'Tekst over de aanpak van huiselijk geweld en kindermishandeling. '.repeat(4000).slice(0, 250 * 1024);
    for (const n of [2, 3, 4, 5, 6]) writeFileSync(path.join(project, `secties/0${n}-deel.md`), SECTION(`Deel ${n}`, body));
  },
  'link-section-outside': (project, outside) =>
    link(project, 'secties/02-gedeeld.md', outsideFile(outside, 'gedeeld.md', SECTION('Gedeeld', 'Tekst van elders.'))),
  'link-folder-outside': (project, outside) => {
    outsideFile(outside, 'bijlagen/01-acties.md', SECTION('Acties', 'Tekst van elders.'));
    link(project, 'bijlagen', path.join(outside, 'bijlagen'));
  },
  'link-data-outside': (project, outside) => link(project, 'data/cijfers.yaml', outsideFile(outside, 'cijfers.yaml', 'meldingen: 12000\n')),
  'link-partial-outside': (project, outside) =>
    link(project, 'templates/partials/colofon-vervolg.hbs', outsideFile(outside, 'colofon.hbs', '<div>{{afzender.organisatie}}</div>\n')),
  'link-style-outside': (project, outside) => link(project, 'templates/style.css', outsideFile(outside, 'style.css', 'body { color: black; }\n')),
  'link-logo-outside': (project, outside) => link(project, 'afbeeldingen/logo.svg', outsideFile(outside, 'logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>\n')),
  'link-image-outside': (project, outside) => link(project, 'secties/kaart.png', outsideFile(outside, 'kaart.png', 'geen echte png\n')),
  'link-broken': (project, outside) => link(project, 'secties/02-weg.md', path.join(outside, 'bestaat-niet.md')),
};

/** A writable copy of a case folder, at <tmp>/<random>/<case name>, with its generated files. */
export function generateCase(caseDir: string, generator: string): string {
  const make = GENERATORS[generator];
  if (!make) throw new Error(`unknown generator "${generator}" in ${caseDir}/expected.json`);
  const project = path.join(mkdtempSync(path.join(os.tmpdir(), 'vb-case-')), path.basename(caseDir));
  cpSync(caseDir, project, { recursive: true });
  make(project, mkdtempSync(path.join(os.tmpdir(), 'vb-outside-')));
  return project;
}
