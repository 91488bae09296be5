import { writeFileSync } from 'node:fs';
import { ratio, round, summarize, type Summary } from './stats.js';
import type { CheckTimes, ColdMemory, ColdTimes } from './cold.js';
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
  /** The browser the CLI builds and the P1 baseline use. */
  browser: string;
}

/** What one run measured; a part left out (--only) is undefined and its ratio null. */
export interface Measurements {
  machine: Machine;
  rounds: number;
  example: { pages: number; footnotes: number };
  reference: { pages: number; footnotes: number; generator: string };
  /** `chromium --version` of the --headless=new baseline, when installed. */
  chromiumNew?: string;
  cold?: ColdTimes;
  check?: CheckTimes;
  warm?: WarmTimes;
  memory?: ColdMemory;
  weasy?: WeasyTimes | undefined;
  watch?: WatchTimes;
  batch?: BatchTimes;
  long?: LongReportTimes;
  profile?: StageProfile;
  browsers?: BrowserTimes | undefined;
}

/** Issue 16's goals (P4 kept from issue 8). */
export const GOALS = { P1: 2.0, P2: 0.6, P3: 1.2, P4: 0.5, P5: 2.1, P6: 400, P7ms: 250, previewMs: 100 } as const;

function whole(s: Summary): Summary {
  return { median: round(s.median), min: round(s.min), max: round(s.max), n: s.n };
}

const pair = (a: number[], b: number[]) => ({ a: summarize(a), b: summarize(b) });

/** The results.json shape: ratios on top, the numbers they came from under raw. */
export function buildResults(m: Measurements) {
  const c = m.cold;
  const cold = c && {
    build: summarize(c.build),
    buildCached: summarize(c.buildCached),
    shell: summarize(c.shell),
    headlessNew: c.headlessNew ? summarize(c.headlessNew) : undefined,
    buildReference: summarize(c.buildReference),
    shellReference: summarize(c.shellReference),
  };
  const checks = m.check && pair(m.check.check, m.check.checkCached);
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
    example: m.example,
    reference: m.reference,
    P1: cold ? ratio(cold.build, cold.shell) : null,
    P1cached: cold ? ratio(cold.buildCached, cold.shell) : null,
    P1reference: cold ? ratio(cold.buildReference, cold.shellReference) : null,
    P1new: cold?.headlessNew ? ratio(cold.build, cold.headlessNew) : null,
    P1warm: warm ? ratio(warm.a, warm.b) : null,
    P2: weasy ? ratio(weasy.a, weasy.b) : null,
    P3: watch ? round(watch.pdf.median / watch.native.median, 2) : null,
    P3previewMs: watch ? round(watch.preview.median) : null,
    P4: batch && m.batch ? round(batch.a.median / (m.batch.letters * batch.b.median), 2) : null,
    P5: long ? ratio(long.a, long.b) : null,
    P6: pss ? round(pss.a.median) : null,
    browserShellVsChromium: browsers ? ratio(browsers.a, browsers.b) : null,
    P7ms: checks ? round(checks.a.median) : null,
    P7cachedMs: checks ? round(checks.b.median) : null,
    notes: {
      P1: m.cold
        ? 'median cold CLI build of the bundled example (empty parse cache) ÷ median `chromium-headless-shell --print-to-pdf` of its final HTML without the page runner; P1cached: the build with a warm parse cache; P1reference: the same on the generated reference letter; P1new: the example build ÷ `chromium --headless=new --print-to-pdf`'
        : notMeasured,
      P7: m.check ? '`voortgangsbrief check` of the example, fresh process, no browser, wall time, median; P7cachedMs with a warm parse cache' : notMeasured,
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
      ...(cold && {
        coldBuild: whole(cold.build),
        coldBuildCached: whole(cold.buildCached),
        coldShell: whole(cold.shell),
        ...(cold.headlessNew && { coldHeadlessNew: whole(cold.headlessNew) }),
        coldBuildReference: whole(cold.buildReference),
        coldShellReference: whole(cold.shellReference),
      }),
      ...(checks && { check: whole(checks.a), checkCached: whole(checks.b) }),
      ...(warm && { warmPrintPdf: whole(warm.a), warmNative: whole(warm.b), pages: m.warm?.pages }),
      ...(weasy && { coldBuildVsWeasy: whole(weasy.a), weasyprint: whole(weasy.b) }),
      ...(watch && { watchPdf: whole(watch.pdf), watchPreview: whole(watch.preview), watchNative: whole(watch.native) }),
      ...(batch && { batch: whole(batch.a), batchSingle: whole(batch.b), batchLetters: m.batch?.letters }),
      ...(long && { long: whole(long.a), short: whole(long.b), longPages: m.long?.pages, longFootnotes: m.long?.footnotes }),
      ...(pss && rss && { peakPssBuildMB: whole(pss.a), peakPssNativeMB: whole(pss.b), peakRssBuildMB: whole(rss.a), peakRssNativeMB: whole(rss.b) }),
      ...(browsers && { coldBuildHeadlessShell: whole(browsers.a), coldBuildChromium: whole(browsers.b) }),
      ...(m.profile && { profile: m.profile }),
      samples: { browsers: m.browsers, cold: m.cold, check: m.check, warm: m.warm, memory: m.memory, weasy: m.weasy, watch: m.watch, batch: m.batch, long: m.long },
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
    `Benchmark ${r.date.slice(0, 10)} — ${m.cpus} CPUs, ${m.memGB} GB, node ${m.node}, ${m.chromium} (${m.browser}); ${r.rounds} rounds; ` +
      `bundled example ${r.example.pages} pages, ${r.example.footnotes} footnotes; reference letter ${r.reference.pages} pages, ${r.reference.footnotes} footnotes`,
    '',
    '| metric | value | goal | |',
    '|---|---|---|---|',
    line('P1 cold build of the example ÷ headless shell printing its HTML', r.P1, '', `≤ ${GOALS.P1}`, (v) => v <= GOALS.P1, r.notes.P1),
    line('P1cached the same, parse cache warm', r.P1cached, '', `≤ ${GOALS.P1}`, (v) => v <= GOALS.P1, r.notes.P1),
    line('P1reference generated reference letter ÷ headless shell', r.P1reference, '', '(context)', undefined, r.notes.P1),
    line('P1new example build ÷ `chromium --headless=new` printing it', r.P1new, '', '(context)', undefined, r.notes.P1),
    line('P1warm print ÷ native print, browser running', r.P1warm, '', '(context)', undefined, false),
    line('P2 cold build ÷ WeasyPrint', r.P2, '', `≤ ${GOALS.P2}`, (v) => v <= GOALS.P2, r.notes.P2),
    line('P3 watch: save → PDF ÷ warm native print', r.P3, '', `≤ ${GOALS.P3}`, (v) => v <= GOALS.P3, r.notes.P3),
    line('P3 watch: save → preview updated', r.P3previewMs, ' ms', `< ${GOALS.previewMs} ms`, (v) => v < GOALS.previewMs, r.notes.P3),
    line('P4 20 letters in one run ÷ 20 × one', r.P4, '', `≤ ${GOALS.P4}`, (v) => v <= GOALS.P4, r.notes.P4),
    line('P5 200-page report ÷ 100-page report', r.P5, '', `≤ ${GOALS.P5}`, (v) => v <= GOALS.P5, r.notes.P5),
    line('P6 peak memory of the process tree (PSS)', r.P6, ' MB', `≤ ${GOALS.P6} MB`, (v) => v <= GOALS.P6, r.notes.P6),
    line('P7 `check` of the example, cold, empty parse cache', r.P7ms, ' ms', `≤ ${GOALS.P7ms} ms`, (v) => v <= GOALS.P7ms, r.notes.P7),
    line('P7cached the same, parse cache warm', r.P7cachedMs, ' ms', `≤ ${GOALS.P7ms} ms`, (v) => v <= GOALS.P7ms, r.notes.P7),
    line('cold build, headless shell ÷ chromium', r.browserShellVsChromium, '', '(context)', undefined, r.notes.browsers),
    '',
    '| measurement | median | min | max |',
    '|---|---|---|---|',
    ...row('cold CLI build, example (spawn → exit)', raw.coldBuild, 'ms'),
    ...row('cold CLI build, example, parse cache warm', raw.coldBuildCached, 'ms'),
    ...row('headless shell --print-to-pdf, example', raw.coldShell, 'ms'),
    ...row('chromium --headless=new --print-to-pdf, example', raw.coldHeadlessNew, 'ms'),
    ...row('cold CLI build, reference letter', raw.coldBuildReference, 'ms'),
    ...row('headless shell --print-to-pdf, reference letter', raw.coldShellReference, 'ms'),
    ...row('check, example, empty parse cache', raw.check, 'ms'),
    ...row('check, example, parse cache warm', raw.checkCached, 'ms'),
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
    ...row('peak PSS, headless shell print', raw.peakPssNativeMB, 'MB'),
    ...row('peak summed RSS, cold CLI build', raw.peakRssBuildMB, 'MB'),
    ...profile,
    '',
    'Ratios vary by about ±15 % between runs on this machine.',
  ].join('\n');
}
