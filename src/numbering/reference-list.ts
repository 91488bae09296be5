import { InputError, type Diagnostic, type SourcePosition } from '../diagnostics/diagnostic.js';
import type { LabelTarget } from './label-target.js';

/** One {{verwijzing "label"}}, waiting for its target to be known. */
export interface Reference {
  label: string;
  /** Add "op pagina n", filled in after pagination. */
  pagina: boolean;
  hoofdletter: boolean;
  position: SourcePosition;
}

/* Private-use characters: nothing an author types, and Markdown leaves them alone. */
// Not U+E000/U+E001: those mark template positions (src/templates/instrument-template.ts).
const OPEN = '\uE002';
const CLOSE = '\uE003';
const TOKEN = /\uE002(\d+)\uE003/g;

/**
 * The references of one document. A reference may point forward (to a table in a
 * later bijlage), so the helper writes a token, and the tokens are replaced once every
 * part has been rendered and all labels are known.
 */
export class ReferenceList {
  private readonly refs: Reference[] = [];

  add(ref: Reference): string {
    this.refs.push(ref);
    return `${OPEN}${this.refs.length - 1}${CLOSE}`;
  }

  /** Every label must exist once: an unknown or duplicate label is an error at its place. */
  check(targets: LabelTarget[]): Map<string, LabelTarget> {
    const byLabel = new Map<string, LabelTarget>();
    const errors: Diagnostic[] = [];
    for (const t of targets) {
      const earlier = byLabel.get(t.label);
      if (earlier) {
        errors.push({
          ...t.position,
          severity: 'error',
          message: `the label "${t.label}" is used twice`,
          hint: `it also names ${earlier.text} (${earlier.position.file}:${earlier.position.line}); give each heading, table or figure its own label`,
        });
      } else byLabel.set(t.label, t);
    }
    const known = [...byLabel.keys()];
    for (const r of this.refs) {
      if (byLabel.has(r.label)) continue;
      const close = known.filter((k) => k.includes(r.label) || r.label.includes(k)).slice(0, 3);
      errors.push({
        ...r.position,
        severity: 'error',
        message: `verwijzing to an unknown label "${r.label}"`,
        hint: close.length
          ? `did you mean ${close.map((k) => `"${k}"`).join(' or ')}?`
          : known.length
            ? `the labels in this document are: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}`
            : 'name a heading "# Titel {#label}", a caption "Tabel: Titel {#label}", or a section with "label:" in its front matter',
      });
    }
    if (errors.length) throw new InputError(errors);
    return byLabel;
  }

  /** Replaces the tokens in rendered HTML with links to their targets. */
  resolveHtml(html: string, targets: Map<string, LabelTarget>): string {
    return html.replace(TOKEN, (_, i: string) => {
      const r = this.refs[Number(i)];
      const t = r && targets.get(r.label);
      if (!r || !t) return '';
      const text = escape(r.hoofdletter ? t.text.charAt(0).toUpperCase() + t.text.slice(1) : t.text);
      // The page number is known only after pagination: the page runner fills it in.
      const page = r.pagina ? ` op pagina <span class="vb-paginaverwijzing" data-vb-pagina-van="${t.id}">0</span>` : '';
      return `<a class="vb-verwijzing" href="#${t.id}">${text}</a>${page}`;
    });
  }

  /** The same as plain text, for a contents list or an outline. */
  resolveText(text: string, targets: Map<string, LabelTarget>): string {
    return text.replace(TOKEN, (_, i: string) => {
      const r = this.refs[Number(i)];
      const t = r && targets.get(r.label);
      return t ? t.text : '';
    });
  }
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
