import { writeFileSync } from 'node:fs';
import { ratio, round, summarize, type Summary } from './stats.js';
import type { ColdMemory, ColdTimes } from './cold.js';
import type { WarmTimes } from './warm.js';
import type { WeasyTimes } from './weasyprint.js';
import type { WatchTimes } from './watch-edit.js';
import type { BatchTimes } from './batch.js';
import type { LongReportTimes } from './long-report.js';
import type { StageProfile } from './profile.js';
import type { BrowserTimes } from './browsers.js';

export interface Machine {
  cpus: number;
  memGB: number;
  node: string;
  chromium: string;
}

/** What one run measured; a part left out (--only) is undefined and its ratio null. */
export interface Measurements {
  machine: Machine;
  rounds: number;
  reference: { pages: number; footnotes: number; generator: string };
  cold?: ColdTimes;
  warm?: WarmTimes;
  memory?: ColdMemory;
  weasy?: WeasyTimes | undefined;
  watch?: WatchTimes;
  batch?: BatchTimes;
  long?: LongReportTimes;
  profile?: StageProfile;
  browsers?: BrowserTimes | undefined;
}

export const GOALS = { P1: 1.2, P2: 1.0, P3: 1.5, P4: 0.5, P5: 2.2, P6: 600, previewMs: 200 } as const;

function whole(s: Summary): Summary {
  return { median: round(s.median), min: round(s.min), max: round(s.max), n: s.n };
}

const pair = (a: number[], b: number[]) => ({ a: summarize(a), b: summarize(b) });

/** The results.json shape: ratios on top, the numbers they came from under raw. */
export function buildResults(m: Measurements) {
  const cold = m.cold && pair(m.cold.cli, m.cold.native);
  const warm = m.warm && pair(m.warm.paged, m.warm.native);
  const weasy = m.weasy && pair(m.weasy.build, m.weasy.weasyprint);
  const watch = m.watch && { pdf: summarize(m.watch.pdf), preview: summarize(m.watch.preview), native: summarize(m.watch.native) };
  const batch = m.batch && pair(m.batch.batch, m.batch.single);
  const long = m.long && pair(m.long.long, m.long.short);
  const pss = m.memory && pair(m.memory.cli.map((p) => p.pssMB), m.memory.native.map((p) => p.pssMB));
  const rss = m.memory && pair(m.memory.cli.map((p) => p.rssMB), m.memory.native.map((p) => p.rssMB));
  const browsers = m.browsers && pair(m.browsers.shell, m.browsers.chromium);
  const notMeasured = 'not measured in this run (see --only)';
  return {
    date: new Date().toISOString(),
    machine: m.machine,
    rounds: m.rounds,
    reference: m.reference,
    P1: cold ? ratio(cold.a, cold.b) : null,
    P1warm: warm ? ratio(warm.a, warm.b) : null,
    P2: weasy ? ratio(weasy.a, weasy.b) : null,
    P3: watch ? round(watch.pdf.median / watch.native.median, 2) : null,
    P3previewMs: watch ? round(watch.preview.median) : null,
    P4: batch && m.batch ? round(batch.a.median / (m.batch.letters * batch.b.median), 2) : null,
    P5: long ? ratio(long.a, long.b) : null,
    P6: pss ? round(pss.a.median) : null,
    browserShellVsChromium: browsers ? ratio(browsers.a, browsers.b) : null,
    notes: {
      P1: m.cold ? 'median cold CLI build ÷ median cold native print of the same HTML' : notMeasured,
      P2: m.weasy ? `median cold CLI build ÷ median cold ${m.weasy.version} on the same HTML` : m.weasy === undefined && 'weasy' in m ? 'weasyprint is not installed' : notMeasured,
      P3: m.watch ? 'median save → PDF rewritten in a watch session ÷ median warm native print; P3previewMs: save → preview announces the change' : notMeasured,
      P4: m.batch ? `one build of ${m.batch.letters} letters ÷ ${m.batch.letters} × one build of one letter (medians, cold)` : notMeasured,
      P5: m.long ? `cold build of a ${m.long.pages.long}-page report ÷ of a ${m.long.pages.short}-page report` : notMeasured,
      browsers: m.browsers
        ? `median cold CLI build with chromium-headless-shell ÷ with chromium --headless=new; same PDF bytes on every build: shell ${m.browsers.reproducible.shell}, chromium ${m.browsers.reproducible.chromium}`
        : notMeasured,
      P6: m.memory ? 'median of per-run peaks of the process tree’s summed PSS (RSS double-counts pages Chromium’s processes share; see raw)' : notMeasured,
    },
    raw: {
      unit: 'ms; memory in MB (peak of the process tree, sampled every 50 ms)',
      ...(cold && { coldBuild: whole(cold.a), coldNative: whole(cold.b) }),
      ...(warm && { warmPrintPdf: whole(warm.a), warmNative: whole(warm.b), pages: m.warm?.pages }),
      ...(weasy && { coldBuildVsWeasy: whole(weasy.a), weasyprint: whole(weasy.b) }),
      ...(watch && { watchPdf: whole(watch.pdf), watchPreview: whole(watch.preview), watchNative: whole(watch.native) }),
      ...(batch && { batch: whole(batch.a), batchSingle: whole(batch.b), batchLetters: m.batch?.letters }),
      ...(long && { long: whole(long.a), short: whole(long.b), longPages: m.long?.pages, longFootnotes: m.long?.footnotes }),
      ...(pss && rss && { peakPssBuildMB: whole(pss.a), peakPssNativeMB: whole(pss.b), peakRssBuildMB: whole(rss.a), peakRssNativeMB: whole(rss.b) }),
      ...(browsers && { coldBuildHeadlessShell: whole(browsers.a), coldBuildChromium: whole(browsers.b) }),
      ...(m.profile && { profile: m.profile }),
      samples: { browsers: m.browsers, cold: m.cold, warm: m.warm, memory: m.memory, weasy: m.weasy, watch: m.watch, batch: m.batch, long: m.long },
    },
  };
}

export type Results = ReturnType<typeof buildResults>;

export function writeResults(file: string, results: Results): void {
  // At most two decimals: the digits beyond are noise on this machine and only bloat the file.
  const replacer = (_key: string, value: unknown) => (typeof value === 'number' ? round(value, 2) : value);
  writeFileSync(file, `${JSON.stringify(results, replacer, 2)}\n`);
}

function line(name: string, value: number | null, unit: string, goal: string, met: ((v: number) => boolean) | undefined, note: string | false): string {
  if (value === null) return `| ${name} | null | ${goal} | ${note || ''} |`;
  const verdict = met ? (met(value) ? 'met' : 'not met') : '';
  return `| ${name} | ${value.toFixed(unit ? 0 : 2)}${unit} | ${goal} | ${verdict} |`;
}

function row(label: string, s: Summary | undefined, unit: string): string[] {
  return s ? [`| ${label} | ${round(s.median)} ${unit} | ${round(s.min)} ${unit} | ${round(s.max)} ${unit} |`] : [];
}

/** Markdown for people: the ratios against their goals, then the medians behind them. */
export function markdownReport(r: Results): string {
  // Every key but profile and samples is a Summary, present only when its part was measured.
  const raw = r.raw as unknown as Partial<Record<string, Summary>> & { profile?: StageProfile };
  const m = r.machine;
  const profile = raw.profile
    ? ['', '| stage (cold build, median) | ms | starts at |', '|---|---|---|', ...raw.profile.stages.map((s) => `| ${s.stage} | ${s.ms} | ${s.startsAt} |`)]
    : [];
  return [
    `Benchmark ${r.date.slice(0, 10)} — ${m.cpus} CPUs, ${m.memGB} GB, node ${m.node}, ${m.chromium}; ${r.rounds} rounds; reference letter ${r.reference.pages} pages, ${r.reference.footnotes} footnotes`,
    '',
    '| metric | value | goal | |',
    '|---|---|---|---|',
    line('P1 cold build ÷ cold native print', r.P1, '', `≤ ${GOALS.P1}`, (v) => v <= GOALS.P1, r.notes.P1),
    line('P1warm print ÷ native print, browser running', r.P1warm, '', '(context)', undefined, false),
    line('P2 cold build ÷ WeasyPrint', r.P2, '', `< ${GOALS.P2}`, (v) => v < GOALS.P2, r.notes.P2),
    line('P3 watch: save → PDF ÷ warm native print', r.P3, '', `≤ ${GOALS.P3}`, (v) => v <= GOALS.P3, r.notes.P3),
    line('P3 watch: save → preview updated', r.P3previewMs, ' ms', `< ${GOALS.previewMs} ms`, (v) => v < GOALS.previewMs, r.notes.P3),
    line('P4 20 letters in one run ÷ 20 × one', r.P4, '', `≤ ${GOALS.P4}`, (v) => v <= GOALS.P4, r.notes.P4),
    line('P5 200-page report ÷ 100-page report', r.P5, '', `≤ ${GOALS.P5}`, (v) => v <= GOALS.P5, r.notes.P5),
    line('P6 peak memory of the process tree (PSS)', r.P6, ' MB', `≤ ${GOALS.P6} MB`, (v) => v <= GOALS.P6, r.notes.P6),
    line('cold build, headless shell ÷ chromium', r.browserShellVsChromium, '', '(context)', undefined, r.notes.browsers),
    '',
    '| measurement | median | min | max |',
    '|---|---|---|---|',
    ...row('cold CLI build (spawn → exit)', raw.coldBuild, 'ms'),
    ...row('cold native print (spawn → exit)', raw.coldNative, 'ms'),
    ...row('warm print (pagination + PDF)', raw.warmPrintPdf, 'ms'),
    ...row('warm native print', raw.warmNative, 'ms'),
    ...row('WeasyPrint, cold', raw.weasyprint, 'ms'),
    ...row('watch: save → PDF', raw.watchPdf, 'ms'),
    ...row('watch: save → preview', raw.watchPreview, 'ms'),
    ...row('20 letters, one run', raw.batch, 'ms'),
    ...row('one letter, one run', raw.batchSingle, 'ms'),
    ...row('long report (200 pages)', raw.long, 'ms'),
    ...row('long report (100 pages)', raw.short, 'ms'),
    ...row('cold CLI build, chromium-headless-shell', raw.coldBuildHeadlessShell, 'ms'),
    ...row('cold CLI build, chromium', raw.coldBuildChromium, 'ms'),
    ...row('peak PSS, cold CLI build', raw.peakPssBuildMB, 'MB'),
    ...row('peak PSS, cold native print', raw.peakPssNativeMB, 'MB'),
    ...row('peak summed RSS, cold CLI build', raw.peakRssBuildMB, 'MB'),
    ...profile,
    '',
    'Ratios vary by about ±15 % between runs on this machine.',
  ].join('\n');
}
