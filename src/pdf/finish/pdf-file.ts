import { PdfDict, PdfReader, PdfRef, serialize, type PdfValue } from './pdf-syntax.js';

interface StoredObject {
  gen: number;
  /** Where the object starts in the file ("n g obj"), for objects read from it. */
  offset?: number;
  /** The object as it stands in the file, from "n g obj" to "endobj", once read. */
  raw?: string;
  value?: PdfValue;
  /** Stream data, raw bytes as latin1. */
  stream?: string;
  changed: boolean;
}

/**
 * A PDF as Chromium writes it (one classic cross-reference table, no object streams),
 * opened for editing objects. Writing keeps every object that was not touched byte for
 * byte, so fonts and images are copied, never re-encoded.
 */
export class PdfFile {
  private readonly objects = new Map<number, StoredObject>();
  private readonly removed = new Set<number>();

  private constructor(
    private readonly text: string,
    readonly trailer: PdfDict,
  ) {}

  /** Undefined for a file this reader does not understand (then nothing is changed). */
  static parse(text: string): PdfFile | undefined {
    // From the last "startxref" on: the pattern searched from the start runs over every byte.
    const start = /^startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(Math.max(0, text.lastIndexOf('startxref'))));
    if (!start) return undefined;
    const reader = new PdfReader(text, Number(start[1]));
    if (reader.word() !== 'xref') return undefined;
    const offsets = new Map<number, { offset: number; gen: number }>();
    for (;;) {
      const first = reader.word();
      if (first === 'trailer') break;
      const count = Number(reader.word());
      if (!/^\d+$/.test(first) || !Number.isInteger(count)) return undefined;
      for (let i = 0; i < count; i++) {
        const offset = Number(reader.word());
        const gen = Number(reader.word());
        if (reader.word() === 'n') offsets.set(Number(first) + i, { offset, gen });
      }
    }
    const trailer = reader.value();
    // An incremental update or a compressed cross-reference stream: not Chromium's output.
    if (!(trailer instanceof PdfDict) || trailer.get('Prev') !== undefined) return undefined;
    const file = new PdfFile(text, trailer);
    for (const [num, { offset, gen }] of offsets) {
      if (!text.startsWith(`${num} ${gen} obj`, offset)) return undefined;
      file.objects.set(num, { gen, offset, changed: false });
    }
    return file;
  }

  has(num: number): boolean {
    return this.objects.has(num) && !this.removed.has(num);
  }

  /** The object's value; a reference is followed (once). */
  get(ref: PdfRef | number): PdfValue | undefined {
    const num = typeof ref === 'number' ? ref : ref.num;
    const obj = this.objects.get(num);
    if (!obj || this.removed.has(num)) return undefined;
    if (obj.value === undefined && obj.offset !== undefined) this.load(num, obj);
    return obj.value;
  }

  dict(ref: PdfValue | undefined): PdfDict | undefined {
    const value = ref instanceof PdfRef ? this.get(ref) : ref;
    return value instanceof PdfDict ? value : undefined;
  }

  /** A stream's data as latin1 bytes. */
  stream(ref: PdfRef | number): string | undefined {
    const num = typeof ref === 'number' ? ref : ref.num;
    this.get(num);
    return this.objects.get(num)?.stream;
  }

  set(num: number, value: PdfValue, stream?: string): void {
    const old = this.objects.get(num);
    this.objects.set(num, { gen: old?.gen ?? 0, value, stream, changed: true });
    this.removed.delete(num);
  }

  add(value: PdfValue, stream?: string): PdfRef {
    const num = this.nextNumber();
    this.set(num, value, stream);
    return new PdfRef(num, 0);
  }

  remove(num: number): void {
    this.removed.add(num);
  }

  /** The whole file again, objects in number order, with a new cross-reference table. */
  write(trailer: PdfDict): Buffer {
    // Latin-1: one byte per character, so lengths are offsets, and the file is one
    // string turned into bytes once (not a Buffer per object, thousands of them).
    const parts: string[] = ['%PDF-1.7\n%\xE2\xE3\xCF\xD3\n'];
    let length = parts[0]!.length;
    const size = this.nextNumber();
    const offsets = new Map<number, number>();
    for (let num = 1; num < size; num++) {
      const obj = this.objects.get(num);
      if (!obj || this.removed.has(num)) continue;
      offsets.set(num, length);
      const text = this.objectText(num, obj);
      parts.push(text);
      length += text.length;
    }
    // Free entries form a list through their first field (7.5.4), ending at object 0.
    const free = [...Array(size).keys()].filter((n) => n > 0 && !offsets.has(n));
    const rows = [`${String(free[0] ?? 0).padStart(10, '0')} 65535 f \n`];
    for (let num = 1; num < size; num++) {
      const at = offsets.get(num);
      if (at !== undefined) rows.push(`${String(at).padStart(10, '0')} ${String(this.objects.get(num)!.gen).padStart(5, '0')} n \n`);
      else rows.push(`${String(free[free.indexOf(num) + 1] ?? 0).padStart(10, '0')} 00001 f \n`);
    }
    const t = trailer.clone().set('Size', size).set('Prev', undefined);
    parts.push(`xref\n0 ${size}\n${rows.join('')}trailer\n${serialize(t)}\nstartxref\n${length}\n%%EOF\n`);
    return Buffer.from(parts.join(''), 'latin1');
  }

  private nextNumber(): number {
    return Math.max(0, ...this.objects.keys()) + 1;
  }

  private objectText(num: number, obj: StoredObject): string {
    if (!obj.changed && obj.offset !== undefined) {
      if (obj.raw === undefined) this.load(num, obj);
      return `${obj.raw}\n`;
    }
    const head = `${num} ${obj.gen} obj\n`;
    if (obj.stream === undefined) return `${head}${serialize(obj.value ?? null)}\nendobj\n`;
    const dict = (obj.value instanceof PdfDict ? obj.value.clone() : new PdfDict()).set('Length', obj.stream.length);
    return `${head}${serialize(dict)}\nstream\n${obj.stream}\nendstream\nendobj\n`;
  }

  private load(num: number, obj: StoredObject): void {
    const offset = obj.offset!;
    const reader = new PdfReader(this.text, this.text.indexOf('obj', offset) + 3);
    obj.value = reader.value();
    reader.skipSpace();
    let end = reader.pos;
    if (this.text.startsWith('stream', reader.pos)) {
      let at = reader.pos + 'stream'.length;
      if (this.text[at] === '\r') at++;
      if (this.text[at] === '\n') at++;
      const lengthValue = obj.value instanceof PdfDict ? obj.value.get('Length') : undefined;
      const length = typeof lengthValue === 'number' ? lengthValue : lengthValue instanceof PdfRef ? this.get(lengthValue) : undefined;
      if (typeof length !== 'number') throw new Error(`object ${num}: stream without a length`);
      obj.stream = this.text.slice(at, at + length);
      // "endobj" may occur inside binary data: search from the end of the stream.
      end = at + length;
    }
    const close = this.text.indexOf('endobj', end);
    if (close < 0) throw new Error(`object ${num}: no endobj`);
    obj.raw = this.text.slice(offset, close + 'endobj'.length);
  }
}
