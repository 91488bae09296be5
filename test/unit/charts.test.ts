import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import puppeteer from 'puppeteer-core';
import { describe, expect, inject, it } from 'vitest';
import { cleanText } from '../../src/charts/escape.js';
import { niceTicks, renderChart, type ChartSeries, type ChartSpec } from '../../src/charts/index.js';

const JAREN = ['2019', '2020', '2021', '2022', '2023', '2024'];

function reeks(naam: string, waarden: number[], labels = JAREN): ChartSeries {
  return { naam, waarden: waarden.map((waarde, i) => ({ label: labels[i] ?? `L${i}`, waarde })) };
}

const MELDINGEN: ChartSpec = {
  soort: 'staaf',
  titel: 'Aantal meldingen bij Veilig Thuis per jaar, 2019–2024',
  eenheid: 'aantal',
  bron: 'CBS',
  reeksen: [reeks('Meldingen', [130700, 128200, 131200, 126900, 133400, 137800])],
};

interface Tag {
  name: string;
  attrs: Map<string, string>;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

/**
 * A small XML well-formedness check, enough for generated SVG: one root, balanced and
 * properly nested tags, quoted and unique attributes, no bare '<' or '&'. Returns the
 * start tags so tests can look at attributes.
 */
function parseXml(xml: string): Tag[] {
  const token = /<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const stack: string[] = [];
  const tags: Tag[] = [];
  let roots = 0;
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at ${at}: ${xml.slice(at, at + 40)}`);
    const [, close, name, attrText, selfClose, text] = m;
    if (text !== undefined) {
      if (stack.length === 0 && text.trim() !== '') throw new Error(`text outside the root: ${text}`);
      if (text.replace(ENTITY, '').includes('&')) throw new Error(`bare & in text: ${text}`);
      continue;
    }
    if (name === undefined) continue; // a comment
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
      continue;
    }
    if (stack.length === 0 && ++roots > 1) throw new Error('more than one root element');
    const attrs = new Map<string, string>();
    for (const [, key, value] of (attrText ?? '').matchAll(/([A-Za-z_][\w.:-]*)="([^"]*)"/g)) {
      if (attrs.has(key!)) throw new Error(`duplicate attribute ${key} on <${name}>`);
      if (value!.replace(ENTITY, '').includes('&')) throw new Error(`bare & in attribute ${key}`);
      attrs.set(key!, value!);
    }
    tags.push({ name, attrs });
    if (!selfClose) stack.push(name);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error('no root element');
  return tags;
}

/** Attributes that hold geometry; every number in them must be finite and plain. */
const NUMERIC = new Set(['viewBox', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'points', 'd', 'transform', 'stroke-width', 'font-size', 'stroke-dasharray']);

function checkNumbers(tags: Tag[]): void {
  for (const tag of tags) {
    for (const [key, value] of tag.attrs) {
      if (!NUMERIC.has(key)) continue;
      expect(value, `${key} on <${tag.name}>`).not.toMatch(/NaN|Infinity|e[+-]?\d/);
      for (const num of value.match(/-?\d+(\.\d+)?/g) ?? []) {
        expect(Number.isFinite(Number(num)), `${key}="${value}"`).toBe(true);
        // At most two decimals: the determinism promise.
        expect(num, `${key}="${value}"`).toMatch(/^-?\d+(\.\d{1,2})?$/);
      }
    }
  }
}

/** Every id is unique and every reference (aria, url(#…)) points at one. */
function checkIds(tags: Tag[]): void {
  const ids = tags.flatMap((t) => (t.attrs.has('id') ? [t.attrs.get('id')!] : []));
  expect(new Set(ids).size).toBe(ids.length);
  for (const tag of tags) {
    for (const key of ['aria-labelledby', 'aria-describedby']) {
      for (const ref of tag.attrs.get(key)?.split(' ') ?? []) expect(ids).toContain(ref);
    }
    for (const [, ref] of (tag.attrs.get('fill') ?? '').matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref);
  }
}

const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 10, signDisplay: 'negative' });

/** Arbitrary valid specs, text from the whole of Unicode (control characters included). */
const specArb: fc.Arbitrary<ChartSpec> = fc
  .record({
    soort: fc.constantFrom('staaf' as const, 'lijn' as const),
    titel: fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).filter((s) => cleanText(s) !== ''),
    eenheid: fc.option(fc.string({ unit: 'binary', maxLength: 12 }), { nil: undefined }),
    bron: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
    labels: fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 20 }),
    series: fc.integer({ min: 1, max: 4 }),
    waarden: fc.array(
      fc.oneof(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
        fc.constant(0),
      ),
      { minLength: 80, maxLength: 80 },
    ),
    breedte: fc.option(fc.double({ min: 40, max: 300, noNaN: true }), { nil: undefined }),
    hoogte: fc.option(fc.double({ min: 30, max: 200, noNaN: true }), { nil: undefined }),
  })
  .map(({ labels, series, waarden, ...rest }) => ({
    ...rest,
    reeksen: Array.from({ length: series }, (_, s) => ({
      naam: `Reeks ${s + 1}`,
      waarden: labels.map((label, i) => ({ label, waarde: waarden[s * 20 + i] ?? 0 })),
    })),
  }));

describe('renderChart: determinism and well-formedness', () => {
  it('renders the same spec to the same bytes, whatever the key order', () => {
    const a = renderChart(MELDINGEN);
    const b = renderChart(structuredClone(MELDINGEN));
    const { reeksen, bron, titel, soort, eenheid } = MELDINGEN;
    const c = renderChart({ reeksen, bron, titel, eenheid, soort } as ChartSpec);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('derives ids from the title and a hash of the spec, or from idPrefix', () => {
    const { svg } = renderChart(MELDINGEN);
    expect(svg).toMatch(/<title id="grafiek-aantal-meldingen-bij-veilig-[0-9a-f]{8}-titel">/);
    const other = renderChart({ ...MELDINGEN, bron: 'Veilig Thuis' }).svg;
    expect(/id="([^"]+)"/.exec(other)?.[1]).not.toBe(/id="([^"]+)"/.exec(svg)?.[1]);
    expect(renderChart(MELDINGEN, { idPrefix: 'fig-3' }).svg).toContain('aria-labelledby="fig-3-desc"');
    expect(() => renderChart(MELDINGEN, { idPrefix: '3 "x"' })).toThrow(/idPrefix/);
  });

  it('is a complete, accessible SVG sized in millimetres', () => {
    const { svg, tekstalternatief } = renderChart(MELDINGEN);
    const tags = parseXml(svg);
    const root = tags[0]!;
    expect(root.name).toBe('svg');
    expect(root.attrs.get('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.attrs.get('viewBox')).toBe('0 0 115 60');
    expect(root.attrs.get('width')).toBe('115mm');
    expect(root.attrs.get('height')).toBe('60mm');
    expect(root.attrs.get('role')).toBe('img');
    // The name is the full text alternative: it is what becomes /Alt in a tagged PDF.
    expect(svg).toContain(`<desc id="${root.attrs.get('aria-labelledby')}">${tekstalternatief}</desc>`);
    expect(svg).toContain('<title id="');
    checkIds(tags);
    checkNumbers(tags);
  });

  it('never throws on a valid spec, is deterministic, finite and well-formed', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        let first: ReturnType<typeof renderChart>;
        try {
          first = renderChart(spec);
        } catch (err) {
          // The one refusal a valid spec can meet: a small chart with much text around it.
          expect((err as Error).message).toMatch(/is too small/);
          expect(spec.hoogte).toBeLessThan(60);
          return;
        }
        expect(renderChart(spec)).toEqual(first);
        const tags = parseXml(first.svg);
        checkNumbers(tags);
        checkIds(tags);
        for (const r of spec.reeksen) for (const v of r.waarden) expect(first.tekstalternatief).toContain(nl.format(v.waarde));
      }),
      { numRuns: 150 },
    );
  });
});

describe('niceTicks', () => {
  it.each([
    // lo, hi, target, integer data → ticks
    [0, 130_700, 4, true, [0, 50_000, 100_000, 150_000]],
    [0, 18.5, 3, false, [0, 5, 10, 15, 20]],
    [9.1, 12.8, 4, false, [9, 10, 11, 12, 13]],
    [0, 1, 4, false, [0, 0.25, 0.5, 0.75, 1]],
    [0.1, 0.3, 4, false, [0.1, 0.15, 0.2, 0.25, 0.3]],
    [0, 0.30000000000000004, 3, false, [0, 0.1, 0.2, 0.3]],
    [-3.2, 3.1, 5, false, [-4, -2, 0, 2, 4]],
    [-4495, 4479, 5, true, [-6000, -4000, -2000, 0, 2000, 4000, 6000]],
    [0, 7, 5, true, [0, 2, 4, 6, 8]],
    [0, 3, 5, true, [0, 1, 2, 3]],
    [0, 0, 5, true, [0, 1]],
    [42, 42, 5, true, [0, 10, 20, 30, 40, 50]],
    [-5, -5, 5, true, [-5, -4, -3, -2, -1, 0]],
    [0, 2.4, 5, true, [0, 1, 2, 3]],
    [0, 1e15, 5, true, [0, 2e14, 4e14, 6e14, 8e14, 1e15]],
  ])('%d..%d, target %d, integer %s', (lo, hi, target, integer, ticks) => {
    const scale = niceTicks(lo, hi, target, integer);
    expect(scale.ticks).toEqual(ticks);
    expect(scale.min).toBeLessThanOrEqual(Math.min(lo, hi));
    // Within binary noise: 0.30000000000000004 counts as on the 0.3 tick.
    expect(scale.max).toBeGreaterThanOrEqual(Math.max(lo, hi) * (1 - 1e-12));
  });

  it('uses steps of 1, 2, 2.5 or 5 × 10^n and reports the decimals they need', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true }), fc.integer({ min: 2, max: 6 }), (lo, span, target) => {
        const s = niceTicks(lo, lo + span, target);
        const mantissa = s.step / 10 ** Math.floor(Math.log10(s.step) + 1e-9);
        expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-6)).toBe(true);
        expect(s.ticks.length - 1).toBeLessThanOrEqual(target + 1);
        expect(Number.isInteger(Number((s.step * 10 ** s.decimals).toPrecision(12)))).toBe(true);
      }),
    );
    expect(niceTicks(0, 10, 5).decimals).toBe(0);
    expect(niceTicks(0, 10, 4).ticks).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(0, 10, 4).decimals).toBe(1);
    expect(niceTicks(0, 1, 4).decimals).toBe(2);
    expect(niceTicks(0, 1, 5).decimals).toBe(1);
  });
});

describe('tekstalternatief', () => {
  it('names the chart type, title, unit, every value in Dutch notation and the source', () => {
    expect(renderChart(MELDINGEN).tekstalternatief).toBe(
      'Staafdiagram: Aantal meldingen bij Veilig Thuis per jaar, 2019–2024 (aantal). ' +
        '2019: 130.700; 2020: 128.200; 2021: 131.200; 2022: 126.900; 2023: 133.400; 2024: 137.800. Bron: CBS.',
    );
  });

  it('lists several series by name, with decimals and negatives', () => {
    const { tekstalternatief } = renderChart({
      soort: 'lijn',
      titel: 'Wachttijd in weken.',
      reeksen: [reeks('Jeugdzorg', [9.1, -0.25], ['Q1', 'Q2']), reeks('GGZ', [12, 1234.5], ['Q1', 'Q2']), reeks('Wmo', [0, 3], ['Q1', 'Q2'])],
    });
    expect(tekstalternatief).toBe(
      'Lijndiagram: Wachttijd in weken. Drie reeksen: Jeugdzorg, GGZ en Wmo. ' +
        'Jeugdzorg: Q1: 9,1; Q2: -0,25. GGZ: Q1: 12; Q2: 1.234,5. Wmo: Q1: 0; Q2: 3.',
    );
  });

  it('is plain text (escaped only inside the SVG)', () => {
    const { svg, tekstalternatief } = renderChart({ ...MELDINGEN, titel: 'R&D <kosten>', bron: 'CBS "Statline"' });
    expect(tekstalternatief).toContain('Staafdiagram: R&D <kosten> (aantal).');
    expect(tekstalternatief).toMatch(/Bron: CBS "Statline"\.$/);
    expect(svg).toContain('<title id="grafiek-r-d-kosten-');
    expect(svg).toContain('>R&amp;D &lt;kosten&gt;</title>');
    expect(svg).toContain('Bron: CBS &quot;Statline&quot;');
    expect(svg).not.toContain('<kosten>');
  });
});

describe('renderChart: invalid specs', () => {
  const valid = (): ChartSpec => structuredClone(MELDINGEN);
  it.each<[string, (s: ChartSpec) => unknown, RegExp]>([
    ['no series', (s) => (s.reeksen = []), /at least one series/],
    ['series missing', (s) => delete (s as Partial<ChartSpec>).reeksen, /at least one series/],
    ['more than four series', (s) => (s.reeksen = Array.from({ length: 5 }, (_, i) => reeks(`R${i}`, [1, 2]))), /5 series; at most 4/],
    ['different labels', (s) => s.reeksen.push(reeks('Anders', [1, 2, 3, 4, 5, 6], ['a', 'b', 'c', 'd', 'e', 'f'])), /labels .* same labels in the same order/],
    ['fewer labels', (s) => s.reeksen.push(reeks('Kort', [1, 2])), /Series "Kort" has labels/],
    ['NaN', (s) => (s.reeksen[0]!.waarden[2]!.waarde = Number.NaN), /"Meldingen", label "2021": value must be a finite number, got NaN/],
    ['Infinity', (s) => (s.reeksen[0]!.waarden[0]!.waarde = Infinity), /finite number/],
    ['a string value', (s) => ((s.reeksen[0]!.waarden[0] as { waarde: unknown }).waarde = '130700'), /finite number, got 130700/],
    ['a huge value', (s) => (s.reeksen[0]!.waarden[0]!.waarde = 1e16), /out of range/],
    ['an empty series', (s) => (s.reeksen[0]!.waarden = []), /has no values/],
    ['an empty title', (s) => (s.titel = '  '), /non-empty title/],
    ['an unknown type', (s) => ((s as { soort: string }).soort = 'taart'), /'staaf' or 'lijn'/],
    ['a silly width', (s) => (s.breedte = 5), /breedte must be a number of millimetres from 40/],
    ['a NaN height', (s) => (s.hoogte = Number.NaN), /hoogte/],
    ['no room for the plot', (s) => {
      s.hoogte = 30;
      s.breedte = 40;
      s.titel = 'Een titel die over twee regels loopt in een smalle grafiek';
      s.bron = 'Een bron die ook lang genoeg is voor twee regels in deze smalle grafiek';
      s.reeksen = ['Eerste', 'Tweede', 'Derde'].map((naam) => reeks(naam, [1, 2]));
    }, /too small: at 40 x 30 mm .* make hoogte larger/],
  ])('%s', (_, breakIt, message) => {
    const spec = valid();
    breakIt(spec);
    let error: unknown;
    try {
      renderChart(spec);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
  });
});

/** Rectangles and polylines in the plot, parsed back from the SVG. */
function bars(svg: string) {
  return [...svg.matchAll(/<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)"\/>/g)].map((m) => ({
    y: Number(m[2]),
    height: Number(m[4]),
  }));
}
function zeroLineY(svg: string): number {
  return Number(/<line x1="[\d.]+" y1="([\d.]+)" x2="[\d.]+" y2="[\d.]+" stroke="#000"/.exec(svg)?.[1]);
}

describe('renderChart: edge cases', () => {
  it('hangs negative bars below the zero line', () => {
    const { svg } = renderChart({ soort: 'staaf', titel: 'Saldo', reeksen: [reeks('Saldo', [3, -2], ['a', 'b'])] });
    const [up, down] = bars(svg);
    const zero = zeroLineY(svg);
    expect(up!.y + up!.height).toBeCloseTo(zero, 1);
    expect(down!.y).toBeCloseTo(zero, 1);
    expect(svg).toContain('>-2</text>');
  });

  it('draws all zeros as an empty plot on a 0..1 axis', () => {
    const { svg, tekstalternatief } = renderChart({ soort: 'staaf', titel: 'Niets', reeksen: [reeks('x', [0, 0, 0])] });
    expect(bars(svg)).toEqual([]);
    expect(svg).toMatch(/>0<\/text>.*>1<\/text>/);
    expect(tekstalternatief).toBe('Staafdiagram: Niets. 2019: 0; 2020: 0; 2021: 0.');
  });

  it('draws a single point as a marker without a line', () => {
    const { svg } = renderChart({ soort: 'lijn', titel: 'Eén', reeksen: [reeks('x', [42])] });
    expect(svg).not.toContain('<polyline');
    expect(svg).toMatch(/<circle cx="[\d.]+" cy="[\d.]+" r="[\d.]+" fill="#154273"/);
  });

  it('tells series apart by more than colour, and shows a legend only for several', () => {
    const four = [1, 2, 3, 4].map((i) => reeks(`R${i}`, [i, i + 1]));
    const line = renderChart({ soort: 'lijn', titel: 'Vier', reeksen: four }).svg;
    expect(line.match(/stroke-dasharray="[^"]+"/g)?.length).toBe(6); // 3 dashed series: line + legend swatch
    for (const shape of ['<circle', '<rect x', '<path d="M']) expect(line).toContain(shape);
    for (const colour of ['#154273', '#007bc7', '#8fcae7', '#535353']) expect(line).toContain(colour);
    const bar = renderChart({ soort: 'staaf', titel: 'Vier', reeksen: four }).svg;
    expect(bar.match(/<pattern /g)?.length).toBe(3);
    expect(bar).toContain('>R4</text>');
    const single = renderChart(MELDINGEN).svg;
    expect(single).not.toContain('<pattern');
    expect(single).not.toContain('>Meldingen</text>');
  });

  it('keeps long labels readable: wrapped, or turned and shortened with an ellipsis', () => {
    const wide = renderChart({
      soort: 'staaf',
      titel: 'Lang',
      reeksen: [reeks('x', [1, 2], ['Preventie en gezondheidsbevordering', 'Langdurige zorg en ondersteuning'])],
    }).svg;
    expect(wide).toContain('>Preventie en gezondheidsbevordering</text>');
    expect(wide).not.toContain('rotate(');
    const labels = Array.from({ length: 24 }, (_, i) => `Week ${i + 1} van het kalenderjaar 2024`);
    const narrow = renderChart({ soort: 'lijn', titel: 'Lang', reeksen: [reeks('x', labels.map((_, i) => i), labels)] }).svg;
    expect(narrow).toContain('rotate(-45');
    expect(narrow).toMatch(/>Week 1[^<]*…<\/text>/);
    expect(narrow).not.toContain('kalenderjaar 2024</text>');
  });

  it('drops characters XML cannot hold instead of producing a broken SVG', () => {
    const { svg, tekstalternatief } = renderChart({ ...MELDINGEN, titel: 'Stuur\u0007teken \uD800 en tab\tje' });
    expect(() => parseXml(svg)).not.toThrow();
    expect(tekstalternatief).toContain('Staafdiagram: Stuurteken en tab je (aantal).');
  });

  it('accepts numeric labels as YAML gives them for years', () => {
    const spec = { soort: 'staaf', titel: 'Jaren', reeksen: [{ naam: 'x', waarden: [{ label: 2023, waarde: 1 }] }] };
    expect(renderChart(spec as unknown as ChartSpec).tekstalternatief).toBe('Staafdiagram: Jaren. 2023: 1.');
  });
});

/** One element per line, so a snapshot diff shows what moved. */
const pretty = (svg: string) => svg.replace(/></g, '>\n<');

describe('renderChart: snapshots', () => {
  it('a small grouped bar chart', () => {
    const { svg } = renderChart({
      soort: 'staaf',
      titel: 'Meldingen en adviezen',
      eenheid: 'x 1.000',
      bron: 'Veilig Thuis',
      breedte: 80,
      hoogte: 50,
      reeksen: [reeks('Meldingen', [130.7, 137.8], ['2023', '2024']), reeks('Adviezen', [68.2, 71.9], ['2023', '2024'])],
    });
    expect(pretty(svg)).toMatchSnapshot();
  });

  it('a small line chart', () => {
    const { svg } = renderChart({
      soort: 'lijn',
      titel: 'Wachttijd',
      eenheid: 'weken',
      breedte: 80,
      hoogte: 45,
      reeksen: [reeks('Jeugdzorg', [9.1, 10.4, 12.8, 11.5]), reeks('GGZ', [14, 13.2, 15, 16.1])],
    });
    expect(pretty(svg)).toMatchSnapshot();
  });
});

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

describe('renderChart in Chromium', () => {
  it('gives the tagged PDF a figure whose alt text is the text alternative, and passes axe-core', async () => {
    const bar = renderChart(MELDINGEN);
    const line = renderChart({ soort: 'lijn', titel: 'Wachttijd', reeksen: [reeks('A', [1, 2]), reeks('B', [2, 1])] });
    const browser = await puppeteer.connect({ browserWSEndpoint: inject('browserWSEndpoint') });
    const page = await browser.newPage();
    try {
      await page.setContent(`<!doctype html><html lang="nl"><head><title>t</title></head><body><main><h1>Brief</h1><p>Tekst.</p>${bar.svg}${line.svg}</main></body></html>`);
      await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
      const violations = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string }[] }> } }).axe;
        return (await axe.run(document)).violations.map((v) => v.id);
      })) as string[];
      expect(violations).toEqual([]);

      const pdf = await page.pdf({ tagged: true });
      const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
      const alts: string[] = [];
      const walk = (node: StructNode | null): void => {
        if (node?.role === 'Figure' && node.alt) alts.push(node.alt);
        for (const child of node?.children ?? []) walk(child);
      };
      walk((await (await doc.getPage(1)).getStructTree()) as StructNode);
      expect(alts).toEqual([bar.tekstalternatief, line.tekstalternatief]);
    } finally {
      await page.close();
      await browser.disconnect();
    }
  });
});
