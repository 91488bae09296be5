/**
 * A deep copy of data from the project with every mapping a null-prototype object:
 * no name an author writes, and no lookup a template makes (`x.toString`,
 * `x.constructor`, `x.hasOwnProperty`), can find a member of Object.prototype.
 * Handlebars' strict mode asks `name in object`, so on an ordinary object
 * `{{afzender.toString}}` would pass as a known name and print nothing; here it is an
 * unknown variable like any other. Lists stay arrays (templates iterate them) with
 * their items copied; dates and other values are kept as they are.
 */
export function nullPrototypeCopy<T>(value: T, depth = 0): T {
  // Deeper than any letter: the YAML and JSON parsers and refuse-keys.ts refuse far less.
  if (depth > 200 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => nullPrototypeCopy(item, depth + 1)) as T;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const copy = nullObject();
  for (const [key, item] of Object.entries(value)) copy[key] = nullPrototypeCopy(item, depth + 1);
  return copy as T;
}

/**
 * An empty object without a prototype that still turns into a string: Handlebars puts
 * the context into the text of its "not defined" error, and a bare null-prototype
 * object cannot be converted. The conversion is a non-enumerable symbol, so no
 * template name, `#each` or Object.keys sees it.
 */
export function nullObject(): Record<string, unknown> {
  const object = Object.create(null) as Record<string, unknown>;
  Object.defineProperty(object, Symbol.toPrimitive, { value: () => '[object Object]' });
  return object;
}
