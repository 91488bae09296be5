import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { buildWithSharedBrowser, copyFixture } from '../helpers/build-fixture.js';
import { MM } from '../helpers/page-geometry.js';
import { imageBoxes, readPdf, type PdfImage, type PdfInfo } from '../helpers/read-pdf.js';

/**
 * An image is scaled down to its column and to a page's text area, keeping its shape, as a
 * word processor does (templates/style.css). A 1200 px wide image was printed 317.5 mm wide,
 * over the colofon and off the sheet, and a tall one was cut off at the foot of the page.
 */
let result: BuildResult;
let pdf: PdfInfo;
let images: PdfImage[];

beforeAll(async () => {
  result = await buildWithSharedBrowser(copyFixture('beelden'));
  const file = result.documents[0]!.pdf;
  pdf = await readPdf(file);
  images = await imageBoxes(file);
}, 120_000);

/** The images of the letter's text: the letterhead's own logo is vector art, not one of these. */
const byShape = (ratio: number) => images.filter((i) => Math.abs(i.width / i.height - ratio) < 0.01);

describe('images in a letter', () => {
  it('builds without a warning: nothing sticks out or is cut off', () => {
    expect(result.warnings.map((w) => `${path.basename(w.file)}:${w.line} ${w.rule}`)).toEqual([]);
    expect(images).toHaveLength(4);
  });

  it('scales a wide image down to the text column, keeping its shape', () => {
    const [wide] = byShape(1200 / 800);
    expect(wide, 'drawn 3:2, as the file is').toBeDefined();
    const page = pdf.pages[wide!.page - 1]!;
    expect(wide!.x).toBeCloseTo(page.geometry.textLeft, 0);
    expect(wide!.width).toBeCloseTo(page.geometry.textRight - page.geometry.textLeft, 0);
  });

  it('scales a tall image down to the text area less room for its caption, and keeps the caption on its page, above it', () => {
    const [tall] = byShape(400 / 1400);
    expect(tall, 'drawn 2:7, as the file is').toBeDefined();
    const page = pdf.pages[tall!.page - 1]!;
    const { top, bottom, textLeft, textRight } = page.geometry;
    expect(tall!.height).toBeCloseTo(top - bottom - 16 * MM, 0);
    expect(tall!.y).toBeGreaterThanOrEqual(bottom - 0.5);
    expect(tall!.y + tall!.height).toBeLessThanOrEqual(top + 0.5);
    expect(tall!.x).toBeGreaterThanOrEqual(textLeft - 0.5);
    expect(tall!.x + tall!.width).toBeLessThanOrEqual(textRight + 0.5);
    const caption = page.lines.find((l) => l.str === 'Figuur 2. Organogram van de ketenpartners');
    expect(caption, 'the caption is on the image\'s page').toBeDefined();
    expect(caption!.y).toBeGreaterThan(tall!.y + tall!.height);
    expect(caption!.y - (tall!.y + tall!.height)).toBeLessThan(6 * MM);
  });

  it('scales the image of a figure with a caption of eight lines further, so that both fit one page', () => {
    const [, captioned] = byShape(400 / 1400);
    expect(captioned, 'drawn 2:7, as the file is').toBeDefined();
    const page = pdf.pages[captioned!.page - 1]!;
    const { top, bottom } = page.geometry;
    const first = page.lines.find((l) => l.str.startsWith('Figuur 3. Organogram van de ketenpartners'));
    const last = page.lines.find((l) => l.str.endsWith('onderling hebben gemaakt'));
    expect(first, 'the caption starts on the image\'s page').toBeDefined();
    expect(last, 'and ends there').toBeDefined();
    expect(first!.y).toBeLessThanOrEqual(top);
    expect(last!.y).toBeGreaterThan(captioned!.y + captioned!.height);
    expect(captioned!.y).toBeGreaterThanOrEqual(bottom - 0.5);
    // Smaller than the one with a caption of one line, and no smaller than it must be.
    const [tall] = byShape(400 / 1400);
    expect(captioned!.height).toBeLessThan(tall!.height - 4 * 11);
    expect(captioned!.height).toBeGreaterThan(top - bottom - 8 * 16 - 40);
  });

  it('leaves an image smaller than the column at its own size', () => {
    const [small] = byShape(200 / 100);
    expect(small).toBeDefined();
    // 200 CSS px at 96 px to the inch.
    expect(small!.width).toBeCloseTo((200 / 96) * 72, 0);
  });
});

describe('an image in a table cell', () => {
  it('is kept to the width of the text column, and the warning for the table names the image', async () => {
    const dir = copyFixture('beelden');
    writeFileSync(path.join(dir, 'secties', '02-tabel.md'), '---\ntitel: Beeld in een tabel\n---\n| Beeld | Omschrijving |\n|---|---|\n| ![Kaart](breed.png) | Een groot beeld in een tabelcel |\n');
    const built = await buildWithSharedBrowser(dir);
    const inCell = (await imageBoxes(built.documents[0]!.pdf)).filter((i) => Math.abs(i.width / i.height - 1.5) < 0.01).at(-1)!;
    // 1200 px would be 317.5 mm; the text column is 115 mm.
    expect(inCell.width).toBeCloseTo(115 * MM, 0);
    const table = built.warnings.filter((w) => w.file.endsWith('02-tabel.md'));
    expect(table.map((w) => `${w.line} ${w.rule}`)).toEqual(['4 wider-than-column']);
    expect(table[0]!.message).toMatch(/^a table of 2 columns with an image in a cell is /);
    expect(table[0]!.hint).toMatch(/below the table as a figure/);
  }, 120_000);
});
