/**
 * What each helper accepts after its arguments (`{{bedrag x groot=true}}`). Every
 * helper registered in a letter's Handlebars instance must have a line here: an
 * option it does not declare, or a value of the wrong type, is an error at its
 * position that lists the valid options (check-helper-options.ts checks literals
 * before rendering, checked-helper.ts the values of data paths while rendering).
 *
 * To add a helper, add one line: `naam: { optie: 'boolean' }`; `{}` for none. A type
 * is 'boolean', 'string', 'number' or the list of allowed strings.
 */
export type OptionType = 'boolean' | 'string' | 'number' | readonly string[];
export type HelperOptionsDeclaration = Readonly<Record<string, OptionType>>;

export const HELPER_OPTIONS: Readonly<Record<string, HelperOptionsDeclaration>> = {
  getal: {},
  percentage: {},
  groot: {},
  bedrag: { groot: 'boolean', valuta: ['teken', 'woord'] },
  bereik: { groot: 'boolean', decimalen: 'number' },
  datum: {},
  datum_relatief: {},
  vergaderjaar: { stijl: ['ministerie', 'kamerstuk', 'ar'] },
  inc: {},
  motie: { hoofdletter: 'boolean', voetnoot: 'boolean' },
  toezegging: { hoofdletter: 'boolean', relatief: 'boolean', voetnoot: 'boolean' },
  bron: { voetnoot: 'boolean' },
  kamerstuk: {},
  reeks: {},
  reekstabel: { kop: 'string' },
  grafiek: { soort: ['staaf', 'lijn'], titel: 'string' },
  verwijzing: { pagina: 'boolean', hoofdletter: 'boolean' },
};

/** Handlebars' own block helpers: they take no options of ours. */
export const BUILT_IN_HELPERS: ReadonlySet<string> = new Set([
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
  'blockHelperMissing',
  'helperMissing',
]);

/** Why `value` does not fit `type`, or undefined when it does. */
export function optionMismatch(type: OptionType, value: unknown): string | undefined {
  if (typeof type !== 'string') {
    return typeof value === 'string' && type.includes(value) ? undefined : `must be one of ${type.map((t) => `"${t}"`).join(', ')}`;
  }
  if (typeof value === type) return undefined;
  return type === 'boolean' ? 'must be true or false, without quotes' : type === 'number' ? 'must be a number, without quotes' : 'must be text in quotes';
}

/** "groot=true|false, valuta="symbool"|"woord"", for hints. */
export function describeOptions(helper: string): string {
  const declared = HELPER_OPTIONS[helper] ?? {};
  const names = Object.entries(declared).map(([name, type]) =>
    typeof type === 'string' ? `${name}=${type === 'boolean' ? 'true|false' : type === 'number' ? '<number>' : '"…"'}` : `${name}=${type.map((t) => `"${t}"`).join('|')}`,
  );
  return names.length ? `${helper} takes: ${names.join(', ')}` : `${helper} takes no options`;
}
