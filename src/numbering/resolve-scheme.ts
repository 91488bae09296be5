import type { NummeringInput, SchemeName, Vorm } from './numbering-schema.js';

export interface LevelFormat {
  vorm: Vorm;
  /** Printed before the number: "Hoofdstuk I". Empty for none. */
  woord: string;
  /** The count goes on across the headings above this level. */
  doorlopend: boolean;
}

/** A numbering scheme with every level spelt out; levels 1–4. */
export interface Scheme {
  name: SchemeName;
  levels: LevelFormat[];
  /** Numbers built from the levels above (I.1.1), or each level on its own (1., a.). */
  hierarchical: boolean;
  /**
   * The level of a bijlage's "#" headings. A bijlage is its own numbered part, with its
   * title as "Bijlage n."; the brief scheme letters its headings a., b. as the letter's
   * subsections (as in the seed letters), the other schemes start at their level 1.
   */
  bijlageStart: 1 | 2;
}

const level = (vorm: Vorm, woord = ''): LevelFormat => ({ vorm, woord, doorlopend: false });
const NONE = level('geen');

const BASE: Record<SchemeName, Omit<Scheme, 'name'>> = {
  brief: { levels: [level('cijfer'), level('letter'), NONE, NONE], hierarchical: false, bijlageStart: 2 },
  decimaal: { levels: [level('cijfer'), level('cijfer'), level('cijfer'), NONE], hierarchical: true, bijlageStart: 1 },
  romeins: { levels: [level('romeins', 'Hoofdstuk'), level('cijfer'), level('cijfer'), NONE], hierarchical: true, bijlageStart: 1 },
  geen: { levels: [NONE, NONE, NONE, NONE], hierarchical: false, bijlageStart: 1 },
};

export const NO_NUMBERING: Scheme = { name: 'geen', ...BASE.geen };

/**
 * The scheme a `nummering:` value asks for. Without one (a bijlage that sets none),
 * the inherited scheme applies: the letter's.
 */
export function resolveScheme(input: NummeringInput | undefined, inherited: Scheme = NO_NUMBERING): Scheme {
  if (input === undefined) return inherited;
  if (typeof input === 'boolean') return build(input ? 'brief' : 'geen');
  if (typeof input === 'string') return build(input);
  const scheme = build(input.schema);
  const niveaus = input.niveaus ?? {};
  scheme.levels = scheme.levels.map((base, i) => {
    const own = niveaus[String(i + 1) as '1' | '2' | '3' | '4'];
    if (!own) return base;
    return { vorm: own.vorm ?? base.vorm, woord: own.woord ?? base.woord, doorlopend: own.doorlopend };
  });
  return scheme;
}

function build(name: SchemeName): Scheme {
  const base = BASE[name];
  return { name, ...base, levels: base.levels.map((l) => ({ ...l })) };
}

/** Whether a scheme numbers any level at all. */
export function numbersAnything(scheme: Scheme): boolean {
  return scheme.levels.some((l) => l.vorm !== 'geen');
}
