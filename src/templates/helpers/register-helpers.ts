import type Handlebars from 'handlebars';
import { formatDatum } from '../../format/format-datum.js';
import { formatDatumRelatief } from '../../format/format-datum-relatief.js';
import { normaliseerDossier } from '../../format/format-dossier.js';
import { formatCitation, formatInlineCitation, kamerstukReference } from '../../records/format-citation.js';
import type { Bron } from '../../records/source-schema.js';
import { capitalise, motieAsBron, motiePhrase, toezeggingPhrase } from '../../records/record-phrases.js';
import type { Motie, Toezegging } from '../../records/register-schema.js';
import { helperError, type HelperContext } from '../helper-context.js';

type HelperOptions = Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } };

/** The footnote text of a bron, following its `zie:`; both count as cited. */
export function citeInNote(ctx: HelperContext, bron: Bron): string {
  ctx.cited.add(bron.id);
  const lookup = (id: string) => {
    const found = ctx.register.bronnen.find((b) => b.id === id);
    if (found) ctx.cited.add(found.id);
    return found;
  };
  return ctx.footnotes.call(bron.id, formatCitation(bron, ctx.huisstijl, lookup));
}

/**
 * {{motie "id"}}, {{toezegging "id"}} and {{bron "id"}}: the natural phrase for a
 * record plus a footnote with its citation, so prose, footnotes and the register
 * appendix all come from the one record in data/. With `voetnoot=false` the
 * citation's short form goes into the text in brackets instead: "(Kamerstuk 29279,
 * nr. 890)". {{kamerstuk 29279 890}} writes a Kamerstuk in the text without a record.
 */
export function registerRecordHelpers(hb: typeof Handlebars, ctx: HelperContext): void {
  const find = <T extends { id: string }>(list: T[], kind: string, id: unknown, options: HelperOptions): T => {
    const found = list.find((r) => r.id === id);
    if (found) return found;
    const known = list.map((r) => r.id);
    const close = known.filter((k) => typeof id === 'string' && (k.includes(id) || id.includes(k))).slice(0, 3);
    throw helperError(
      ctx,
      options,
      `unknown ${kind} "${String(id)}"`,
      close.length
        ? `did you mean ${close.map((k) => `"${k}"`).join(' or ')}?`
        : known.length
          ? `the ${kind} ids in data/ are: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}`
          : `there are no ${kind} records; add them to data/${kind === 'bron' ? 'bronnen' : `${kind}s`}.yaml`,
      'unknown-record',
    );
  };
  /** The note's call, or with voetnoot=false the short citation in brackets. */
  const citation = (id: string, bron: Bron | undefined, options: HelperOptions, before: string): string => {
    ctx.referenced[ctx.phase].add(id);
    if (!bron) return '';
    if (options.hash?.voetnoot === false) {
      ctx.cited.add(bron.id);
      return `${before}(${hb.Utils.escapeExpression(formatInlineCitation(bron, ctx.huisstijl))})`;
    }
    return citeInNote(ctx, bron);
  };
  const phrase = (text: string, options: HelperOptions) =>
    hb.Utils.escapeExpression(options.hash?.hoofdletter ? capitalise(text) : text);

  // Options come last whatever the author wrote: {{motie}} without an id is a mistake, not options.
  hb.registerHelper('motie', function (this: unknown, ...all: unknown[]) {
    const [id, options] = idAndOptions(all);
    const motie = find<Motie>(ctx.register.moties, 'motie', id, options);
    return new hb.SafeString(phrase(motiePhrase(motie), options) + citation(motie.id, motieAsBron(motie), options, ' '));
  });

  hb.registerHelper('toezegging', function (this: unknown, ...all: unknown[]) {
    const [id, options] = idAndOptions(all);
    const t = find<Toezegging>(ctx.register.toezeggingen, 'toezegging', id, options);
    const volledig = (iso: string) => formatDatum(iso) ?? iso;
    const datum = options.hash?.relatief ? (iso: string) => formatDatumRelatief(iso, ctx.datum) ?? volledig(iso) : volledig;
    const bron = t.bron ? find<Bron>(ctx.register.bronnen, 'bron', t.bron, options) : undefined;
    return new hb.SafeString(phrase(toezeggingPhrase(t, datum), options) + citation(t.id, bron, options, ' '));
  });

  hb.registerHelper('bron', function (this: unknown, ...all: unknown[]) {
    const [id, options] = idAndOptions(all);
    const bron = find<Bron>(ctx.register.bronnen, 'bron', id, options);
    return new hb.SafeString(citation(bron.id, bron, options, ''));
  });

  hb.registerHelper('kamerstuk', function (this: unknown, ...all: unknown[]) {
    const options = all.pop() as HelperOptions;
    const [dossier, nummer] = all;
    const vast = typeof dossier === 'string' || typeof dossier === 'number' ? normaliseerDossier(dossier) : undefined;
    if (vast === undefined) {
      throw helperError(ctx, options, `kamerstuk needs a dossier number, e.g. {{kamerstuk 29279 890}}; got ${dossier === undefined ? 'nothing' : `"${String(dossier)}"`}`, 'write the dossier and the number of the paper after the helper name', 'helper-argument');
    }
    const nr = typeof nummer === 'string' || typeof nummer === 'number' ? nummer : undefined;
    return hb.Utils.escapeExpression(`Kamerstuk ${kamerstukReference(vast, nr, ctx.huisstijl.dossiernotatie)}`);
  });
}

function idAndOptions(all: unknown[]): [unknown, HelperOptions] {
  return [all.length > 1 ? all[0] : undefined, all[all.length - 1] as HelperOptions];
}
