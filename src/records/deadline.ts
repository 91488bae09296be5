const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/**
 * The latest date a written deadline allows, as YYYY-MM-DD, for the "deadline has
 * passed" warning: "voor de zomer van 2025" → 2025-06-30, "eind 2024" → 2024-12-31,
 * "in maart 2025" → 2025-03-31, "Q2 2025" → 2025-06-30, "najaar 2025" → 2025-12-20.
 * Words it does not understand give undefined: no warning rather than a wrong one.
 */
export function deadlineOf(text: string): string | undefined {
  const t = text.toLowerCase().trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const year = /\b(20\d{2})\b/.exec(t)?.[1];
  if (!year) return undefined;
  const month = MAANDEN.findIndex((m) => new RegExp(`\\b${m}\\b`).test(t));
  if (month >= 0) return endOfMonth(Number(year), month);
  const quarter = /\bq([1-4])\b/.exec(t)?.[1] ?? /\b([1-4])e kwartaal\b/.exec(t)?.[1];
  if (quarter) return endOfMonth(Number(year), Number(quarter) * 3 - 1);
  if (/zomer/.test(t)) return /na de zomer/.test(t) ? `${year}-12-31` : `${year}-06-30`;
  if (/voorjaar/.test(t)) return `${year}-06-20`;
  if (/najaar/.test(t)) return `${year}-12-20`;
  if (/\b(begin|start)\b/.test(t)) return `${year}-03-31`;
  if (/\b(medio|halverwege)\b/.test(t)) return `${year}-07-31`;
  return `${year}-12-31`;
}

function endOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10);
}
