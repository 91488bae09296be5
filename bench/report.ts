import { writeFileSync } from 'node:fs';
import { ratio, round, summarize, type Summary } from './stats.js';
import type { ColdMemory, ColdTimes } from './cold.js';
import type { WarmTimes } from './warm.js';

export interface Machine {
  cpus: number;
  memGB: number;
  node: string;
  chromium: string;
}

export interface Measurements {
  machine: Machine;
  rounds: number;
  cold: ColdTimes;
  memory: ColdMemory;
  warm: WarmTimes;
}

const LATER = 'measured in a later issue';

function whole(s: Summary): Summary {
  return { median: round(s.median), min: round(s.min), max: round(s.max), n: s.n };
}

/** The results.json shape: ratios on top, the numbers they came from under raw. */
export function buildResults(m: Measurements) {
  const cold = { cli: summarize(m.cold.cli), native: summarize(m.cold.native) };
  const warm = { paged: summarize(m.warm.paged), native: summarize(m.warm.native) };
  const rss = { cli: summarize(m.memory.cli.map((p) => p.rssMB)), native: summarize(m.memory.native.map((p) => p.rssMB)) };
  const pss = { cli: summarize(m.memory.cli.map((p) => p.pssMB)), native: summarize(m.memory.native.map((p) => p.pssMB)) };
  return {
    date: new Date().toISOString(),
    machine: m.machine,
    rounds: m.rounds,
    P1: ratio(cold.cli, cold.native),
    P1warm: ratio(warm.paged, warm.native),
    // Not measured yet; null, never a guess.
    P2: null,
    P3: null,
    P4: null,
    P5: null,
    notes: { P2: LATER, P3: LATER, P4: LATER, P5: LATER, P6: 'median of per-run peaks of summed RSS; see raw for PSS' },
    P6: round(rss.cli.median),
    raw: {
      unit: 'ms; memory in MB (peak of the process tree, sampled every 50 ms)',
      coldBuild: whole(cold.cli),
      coldNative: whole(cold.native),
      warmPrintPdf: whole(warm.paged),
      warmNative: whole(warm.native),
      peakRssBuildMB: whole(rss.cli),
      peakRssNativeMB: whole(rss.native),
      peakPssBuildMB: whole(pss.cli),
      peakPssNativeMB: whole(pss.native),
      pages: m.warm.pages,
      samples: { cold: m.cold, warm: { paged: m.warm.paged, native: m.warm.native }, memory: m.memory },
    },
  };
}

export type Results = ReturnType<typeof buildResults>;

export function writeResults(file: string, results: Results): void {
  // At most two decimals: the digits beyond are noise on this machine and only bloat the file.
  const replacer = (_key: string, value: unknown) => (typeof value === 'number' ? round(value, 2) : value);
  writeFileSync(file, `${JSON.stringify(results, replacer, 2)}\n`);
}

function verdict(value: number, goal: number): string {
  return value <= goal ? 'met' : 'not met';
}

function row(s: Summary, unit: string): string {
  return `${round(s.median)} ${unit} | ${round(s.min)} ${unit} | ${round(s.max)} ${unit}`;
}

/** Markdown for people: the ratios against their goals, then the medians behind them. */
export function markdownReport(r: Results): string {
  const raw = r.raw;
  const m = r.machine;
  return [
    `Benchmark ${r.date} — ${m.cpus} CPUs, ${m.memGB} GB, node ${m.node}, ${m.chromium}; ${r.rounds} rounds`,
    '',
    '| metric | value | goal | |',
    '|---|---|---|---|',
    `| P1 cold build ÷ cold native print | ${r.P1.toFixed(2)} | ≤ 1.2 | ${verdict(r.P1, 1.2)} |`,
    `| P1warm printPdf ÷ native print, browser reused | ${r.P1warm.toFixed(2)} | (context) | |`,
    ...(['P2', 'P3', 'P4', 'P5'] as const).map((k) => `| ${k} | null | | ${LATER} |`),
    `| P6 peak memory, cold build (summed RSS of the tree) | ${r.P6} MB | ≤ 600 MB | ${verdict(r.P6, 600)} |`,
    '',
    '| measurement | median | min | max |',
    '|---|---|---|---|',
    `| cold CLI build (launch → PDF written) | ${row(raw.coldBuild, 'ms')} |`,
    `| cold native print (launch → PDF written) | ${row(raw.coldNative, 'ms')} |`,
    `| warm printPdf (Paged.js) | ${row(raw.warmPrintPdf, 'ms')} |`,
    `| warm native print | ${row(raw.warmNative, 'ms')} |`,
    `| peak summed RSS, cold CLI build | ${row(raw.peakRssBuildMB, 'MB')} |`,
    `| peak summed RSS, cold native print | ${row(raw.peakRssNativeMB, 'MB')} |`,
    `| peak summed PSS, cold CLI build | ${row(raw.peakPssBuildMB, 'MB')} |`,
    `| peak summed PSS, cold native print | ${row(raw.peakPssNativeMB, 'MB')} |`,
    '',
    `Pages: ${raw.pages.paged} with Paged.js, ${raw.pages.native} native. Results vary ±15 % between runs on this machine.`,
  ].join('\n');
}
