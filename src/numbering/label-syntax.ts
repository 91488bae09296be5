import type { Element, ElementContent } from 'hast';

/** `{#label}` at the end of a heading or caption: a name that cross-references can use. */
const LABEL = /\s*\{#([A-Za-z][A-Za-z0-9_-]*)\}\s*$/;

/** A label as an id in the page: its own namespace, so it never collides with generated ids. */
export function labelId(label: string): string {
  return `ref-${label}`;
}

/** Removes a trailing `{#label}` from an element's last text and returns the label. */
export function takeLabel(node: Element): string | undefined {
  const last = lastText(node.children);
  if (!last) return undefined;
  const m = LABEL.exec(last.value);
  if (!m) return undefined;
  last.value = last.value.slice(0, m.index);
  return m[1];
}

function lastText(children: ElementContent[]): { value: string } | undefined {
  for (let i = children.length - 1; i >= 0; i--) {
    const c = children[i]!;
    if (c.type === 'text') {
      if (c.value.trim() === '' && i > 0) continue;
      return c;
    }
    if (c.type === 'element') return lastText(c.children);
    return undefined;
  }
  return undefined;
}
