export interface IsoDatum {
  jaar: number;
  /** 1–12 */
  maand: number;
  dag: number;
}

/**
 * Reads "2024-11-19". Undefined for anything else, including dates that do not exist
 * (2025-02-30): authors type these by hand, and a silently shifted date in a letter to
 * parliament is worse than an error.
 */
export function parseIsoDatum(iso: string): IsoDatum | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [jaar, maand, dag] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = utcDate({ jaar, maand, dag });
  // An impossible day rolls over into the next month (30 February → 2 March).
  if (d.getUTCMonth() !== maand - 1 || d.getUTCDate() !== dag) return undefined;
  return { jaar, maand, dag };
}

/** The Date at midnight UTC, so that formatting never shifts a day with the local zone. */
export function utcDate({ jaar, maand, dag }: IsoDatum): Date {
  // Not Date.UTC: it maps the years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(jaar, maand - 1, dag);
  return d;
}
