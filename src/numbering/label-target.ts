import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { HeadingNumber } from './heading-numberer.js';
import type { Scheme } from './resolve-scheme.js';

/** Something a `{{verwijzing "label"}}` can point at. */
export interface LabelTarget {
  label: string;
  /** The element's id in the page. */
  id: string;
  /** How a reference writes it in running text: "tabel 3", "paragraaf II.1.2". */
  text: string;
  /** Where the label was written, for a duplicate. */
  position: SourcePosition;
}

/** "hoofdstuk I", "paragraaf 1.2", or the quoted title of an unnumbered heading. */
export function headingReference(n: HeadingNumber | undefined, scheme: Scheme | undefined, title: string): string {
  if (!n) return `paragraaf ‘${title.trim()}’`;
  const word = n.level === 1 && scheme?.hierarchical ? 'hoofdstuk' : 'paragraaf';
  return `${word} ${n.ref}`;
}
