/**
 * The part of PDF's object syntax (ISO 32000-1, 7.3) that Chromium's files use, read and
 * written again. Strings are kept as their raw bytes (latin1), numbers as JS numbers.
 */
export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen = 0,
  ) {}
}

export class PdfString {
  /** `bytes` is the decoded string, one char per byte. */
  constructor(readonly bytes: string) {}

  /** A text string (7.9.2.2): UTF-16BE with a byte order mark, or PDFDocEncoding taken as Latin-1. */
  text(): string {
    if (this.bytes.startsWith('\xFE\xFF')) return Buffer.from(this.bytes.slice(2), 'latin1').swap16().toString('utf16le');
    return this.bytes;
  }

  static text(value: string): PdfString {
    return /^[\x20-\x7E]*$/.test(value)
      ? new PdfString(value)
      : new PdfString(`\xFE\xFF${Buffer.from(value, 'utf16le').swap16().toString('latin1')}`);
  }
}

export class PdfDict {
  readonly map = new Map<string, PdfValue>();

  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }

  set(key: string, value: PdfValue | undefined): this {
    if (value === undefined) this.map.delete(key);
    else this.map.set(key, value);
    return this;
  }

  name(key: string): string | undefined {
    const v = this.map.get(key);
    return v instanceof PdfName ? v.name : undefined;
  }

  ref(key: string): PdfRef | undefined {
    const v = this.map.get(key);
    return v instanceof PdfRef ? v : undefined;
  }

  clone(): PdfDict {
    const copy = new PdfDict();
    for (const [k, v] of this.map) copy.map.set(k, v);
    return copy;
  }

  static of(entries: Record<string, PdfValue>): PdfDict {
    const d = new PdfDict();
    for (const [k, v] of Object.entries(entries)) d.map.set(k, v);
    return d;
  }
}

export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfDict | PdfValue[];

export class PdfSyntaxError extends Error {}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

/** Reads values from a latin1 string, starting at `pos`. */
export class PdfReader {
  constructor(
    readonly text: string,
    public pos = 0,
  ) {}

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (WHITE.has(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < t.length && t[this.pos] !== '\n' && t[this.pos] !== '\r') this.pos++;
      } else break;
    }
  }

  /** A bare word: a number, a keyword or an operator. */
  word(): string {
    this.skipSpace();
    const start = this.pos;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (WHITE.has(c) || DELIM.has(c)) break;
      this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  value(): PdfValue {
    this.skipSpace();
    const t = this.text;
    const c = t[this.pos];
    if (c === undefined) throw new PdfSyntaxError('unexpected end');
    if (c === '/') return new PdfName(this.nameToken());
    if (c === '(') return new PdfString(this.literalString());
    if (c === '<' && t[this.pos + 1] === '<') return this.dict();
    if (c === '<') return new PdfString(this.hexString());
    if (c === '[') {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (t[this.pos] === ']') break;
        items.push(this.value());
      }
      this.pos++;
      return items;
    }
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) throw new PdfSyntaxError(`unexpected "${w || c}" at ${this.pos}`);
    const n = Number(w);
    // An indirect reference is two integers and R.
    if (/^\d+$/.test(w)) {
      const save = this.pos;
      const gen = this.word();
      if (/^\d+$/.test(gen) && this.word() === 'R') return new PdfRef(n, Number(gen));
      this.pos = save;
    }
    return n;
  }

  private dict(): PdfDict {
    this.pos += 2;
    const d = new PdfDict();
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('>>', this.pos)) break;
      if (this.text[this.pos] !== '/') throw new PdfSyntaxError(`dictionary key expected at ${this.pos}`);
      const key = this.nameToken();
      d.map.set(key, this.value());
    }
    this.pos += 2;
    return d;
  }

  private nameToken(): string {
    this.pos++;
    const raw = this.word();
    return raw.includes('#') ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : raw;
  }

  private hexString(): string {
    const end = this.text.indexOf('>', this.pos);
    if (end < 0) throw new PdfSyntaxError('unterminated hex string');
    let hex = this.text.slice(this.pos + 1, end).replace(/\s+/g, '');
    this.pos = end + 1;
    if (hex.length % 2) hex += '0';
    return Buffer.from(hex, 'hex').toString('latin1');
  }

  private literalString(): string {
    const t = this.text;
    let depth = 0;
    let out = '';
    this.pos++;
    for (;;) {
      const c = t[this.pos++];
      if (c === undefined) throw new PdfSyntaxError('unterminated string');
      if (c === '(') depth++;
      else if (c === ')' && depth-- === 0) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = t[this.pos++] ?? '';
      const simple = ESCAPES[e];
      if (simple !== undefined) out += simple;
      else if (/[0-7]/.test(e)) {
        let oct = e;
        while (oct.length < 3 && /[0-7]/.test(t[this.pos] ?? '')) oct += t[this.pos++];
        out += String.fromCharCode(parseInt(oct, 8) & 0xff);
      } else if (e === '\r') {
        if (t[this.pos] === '\n') this.pos++;
      } else if (e !== '\n') out += e;
    }
  }
}

/** Writes a value in the compact form Chromium uses. */
export function serialize(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatNumber(value);
  if (value instanceof PdfName) return serializeName(value.name);
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) {
    return /^[\x20-\x7E]*$/.test(value.bytes)
      ? `(${value.bytes.replace(/[\\()]/g, '\\$&')})`
      : `<${Buffer.from(value.bytes, 'latin1').toString('hex').toUpperCase()}>`;
  }
  if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`;
  return `<<${[...value.map].map(([k, v]) => `${serializeName(k)} ${serialize(v)}`).join('\n')}>>`;
}

/* A structure tree repeats a few dozen names thousands of times. */
const NAMES = new Map<string, string>();

function serializeName(name: string): string {
  let written = NAMES.get(name);
  if (written === undefined) {
    written = `/${name.replace(/[^!-~]|[()<>[\]{}/%#]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
    if (NAMES.size < 10_000) NAMES.set(name, written);
  }
  return written;
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}
