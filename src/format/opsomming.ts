/** "a", "a en b", "a, b en c": a Dutch enumeration, without the serial comma. */
export function opsomming(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/**
 * A signatory's function line as it reads inside a sentence: "De Minister voor
 * Rechtsbescherming," → "de minister voor Rechtsbescherming". Dutch writes the office
 * in lower case in running text and capitalises it only at the head of a signature.
 */
export function functieInZin(functie: string): string {
  const zonder = functie.trim().replace(/[,.]$/, '');
  return zonder.replace(/^(De|Het)\s+(\S+)/, (_, lidwoord: string, ambt: string) => `${lidwoord.toLowerCase()} ${ambt.toLowerCase()}`);
}
