import { summarize } from './stats.js';
import { timeBuild } from './cli-build.js';

export interface StageProfile {
  /** Median duration per stage, ms, in the order the stages start. */
  stages: { stage: string; ms: number; startsAt: number }[];
  totalMs: number;
}

/**
 * Where a cold build's time goes: the CLI run with VOORTGANGSBRIEF_PROFILE=1, which
 * prints each stage's start and end (src/profile-stages.ts), a few times; medians
 * per stage. Node stages are in ms since the process started; "page.*" stages are in
 * the page's own clock (0 = navigation start) and lie inside "paginate".
 */
export async function profileStages(letter: string, out: string, rounds: number): Promise<StageProfile> {
  const runs: Map<string, { start: number; end: number }>[] = [];
  const totals: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const m = await timeBuild([letter], out, { env: { ...process.env, VOORTGANGSBRIEF_PROFILE: '1' } });
    totals.push(m.ms);
    const stages = new Map<string, { start: number; end: number }>();
    for (const line of m.stderr.split('\n')) {
      const match = /^profile: (\S+) (\d+) (\d+)$/.exec(line);
      if (match) stages.set(match[1]!, { start: Number(match[2]), end: Number(match[3]) });
    }
    runs.push(stages);
  }
  const names = [...(runs[0]?.keys() ?? [])];
  const median = (values: number[]) => Math.round(summarize(values).median);
  const stages = names
    .map((stage) => ({
      stage,
      ms: median(runs.map((r) => (r.get(stage)?.end ?? 0) - (r.get(stage)?.start ?? 0))),
      startsAt: median(runs.map((r) => r.get(stage)?.start ?? 0)),
    }))
    .sort((a, b) => Number(a.stage.startsWith('page.')) - Number(b.stage.startsWith('page.')) || a.startsAt - b.startsAt);
  return { stages, totalMs: median(totals) };
}
