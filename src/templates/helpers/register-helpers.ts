import type Handlebars from 'handlebars';
import { formatDatum } from '../../format/format-datum.js';
import { formatDatumRelatief } from '../../format/format-datum-relatief.js';
import { vergaderjaar } from '../../format/vergaderjaar.js';
import { formatCitation } from '../../records/format-citation.js';
import type { Bron } from '../../records/source-schema.js';
import { capitalise, motiePhrase, toezeggingPhrase } from '../../records/record-phrases.js';
import type { Motie, Toezegging } from '../../records/register-schema.js';
import { helperError, type HelperContext } from '../helper-context.js';

type HelperOptions = Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } };

/** A motie is itself a Kamerstuk: its citation is that of dossier and number. */
export function motieAsBron(motie: Motie): Bron {
  return {
    id: motie.id,
    soort: 'kamerstuk',
    kamer: motie.kamer === 'Eerste Kamer' ? 'I' : 'II',
    vergaderjaar: motie.vergaderjaar ?? vergaderjaar(motie.datum),
    dossier: motie.dossier,
    nummer: motie.nummer,
  } as Bron;
}

/**
 * {{motie "id"}}, {{toezegging "id"}} and {{bron "id"}}: the natural phrase for a
 * record plus a footnote with its citation, so prose, footnotes and the register
 * appendix all come from the one record in data/.
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
    );
  };
  const note = (id: string, bron: Bron | undefined): string => {
    ctx.referenced[ctx.phase].add(id);
    return bron ? ctx.footnotes.call(bron.id, formatCitation(bron, ctx.stijl)) : '';
  };
  const phrase = (text: string, options: HelperOptions) =>
    hb.Utils.escapeExpression(options.hash?.hoofdletter ? capitalise(text) : text);

  // Options come last whatever the author wrote: {{motie}} without an id is a mistake, not options.
  hb.registerHelper('motie', function (this: unknown, ...all: unknown[]) {
    const [id, options] = idAndOptions(all);
    const motie = find<Motie>(ctx.register.moties, 'motie', id, options);
    return new hb.SafeString(phrase(motiePhrase(motie), options) + note(motie.id, motieAsBron(motie)));
  });

  hb.registerHelper('toezegging', function (this: unknown, ...all: unknown[]) {
    const [id, options] = idAndOptions(all);
    const t = find<Toezegging>(ctx.register.toezeggingen, 'toezegging', id, options);
    const volledig = (iso: string) => formatDatum(iso) ?? iso;
    const datum = options.hash?.relatief ? (iso: string) => formatDatumRelatief(iso, ctx.datum) ?? volledig(iso) : volledig;
    const bron = t.bron ? find<Bron>(ctx.register.bronnen, 'bron', t.bron, options) : undefined;
    return new hb.SafeString(phrase(toezeggingPhrase(t, datum), options) + note(t.id, bron));
  });

  hb.registerHelper('bron', function (this: unknown, ...all: unknown[]) {
    const [id, options] = idAndOptions(all);
    const bron = find<Bron>(ctx.register.bronnen, 'bron', id, options);
    return new hb.SafeString(note(bron.id, bron));
  });
}

function idAndOptions(all: unknown[]): [unknown, HelperOptions] {
  return [all.length > 1 ? all[0] : undefined, all[all.length - 1] as HelperOptions];
}
