import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/**
 * Resident memory of a process and all its descendants, read from /proc (Linux only).
 * Chromium forks a zygote, a GPU/utility process and renderers under the node process
 * that launched it, so the tree, not the node process, is what a build costs.
 *
 * Two sums are kept. RSS (P6's definition) counts a shared page once per process that
 * maps it; Chromium's ~10 processes share libraries and the zygote's copy-on-write
 * memory, so summed RSS was about twice the real footprint here (1.24 GB vs 0.58 GB).
 * PSS (smaps_rollup) splits each shared page between its sharers and adds up to what
 * the tree really occupies; it is reported beside RSS so the two are not confused.
 */

const PAGE_SIZE = readPageSize();

function readPageSize(): number {
  try {
    return Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
  } catch {
    return 4096;
  }
}

interface ProcInfo {
  ppid: number;
  rssBytes: number;
}

/** One pass over /proc: every process's parent and RSS. Processes may vanish mid-scan. */
function scanProcesses(): Map<number, ProcInfo> {
  const procs = new Map<number, ProcInfo>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited between readdir and read
    }
    // The command name (field 2) may contain spaces and ')'; fields after the last ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: [0]=state (field 3), [1]=ppid (field 4), [21]=rss in pages (field 24).
    const ppid = Number(fields[1]);
    const rssPages = Number(fields[21]);
    if (Number.isFinite(ppid) && Number.isFinite(rssPages)) {
      procs.set(Number(entry), { ppid, rssBytes: rssPages * PAGE_SIZE });
    }
  }
  return procs;
}

export interface TreeMemory {
  rssBytes: number;
  pssBytes: number;
}

/** Proportional set size of one process in bytes; 0 if it has gone or is unreadable. */
function pssBytes(pid: number): number {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Summed RSS and PSS over `rootPid` and every process below it. */
export function treeMemory(rootPid: number): TreeMemory {
  const procs = scanProcesses();
  const children = new Map<number, number[]>();
  for (const [pid, info] of procs) {
    const list = children.get(info.ppid) ?? [];
    list.push(pid);
    children.set(info.ppid, list);
  }
  const total = { rssBytes: 0, pssBytes: 0 };
  const stack = [rootPid];
  const seen = new Set<number>();
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const info = procs.get(pid);
    if (!info) continue;
    total.rssBytes += info.rssBytes;
    total.pssBytes += pssBytes(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface PeakMemory {
  rssMB: number;
  pssMB: number;
}

/**
 * Samples the tree every `intervalMs` until stopped; `stop()` returns each sum's own
 * peak in MB (they need not fall on the same sample).
 */
export function watchPeakMemory(rootPid: number, intervalMs = 50): { stop(): PeakMemory } {
  const peak = { rssBytes: 0, pssBytes: 0 };
  const sample = (): void => {
    const now = treeMemory(rootPid);
    peak.rssBytes = Math.max(peak.rssBytes, now.rssBytes);
    peak.pssBytes = Math.max(peak.pssBytes, now.pssBytes);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { rssMB: peak.rssBytes / 2 ** 20, pssMB: peak.pssBytes / 2 ** 20 };
    },
  };
}
