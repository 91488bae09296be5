import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/**
 * Resident memory of a process and all its descendants, read from /proc (Linux only).
 * Chromium forks a zygote, a GPU/utility process and renderers under the node process
 * that launched it, so the tree, not the node process, is what a build costs.
 * Summed RSS counts shared pages (libraries, the zygote's copy-on-write memory) once
 * per process, so it overstates the true footprint; it is the conservative number.
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

/** Sum of RSS over `rootPid` and every process below it, in bytes. */
export function treeRssBytes(rootPid: number): number {
  const procs = scanProcesses();
  const children = new Map<number, number[]>();
  for (const [pid, info] of procs) {
    const list = children.get(info.ppid) ?? [];
    list.push(pid);
    children.set(info.ppid, list);
  }
  let total = 0;
  const stack = [rootPid];
  const seen = new Set<number>();
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += procs.get(pid)?.rssBytes ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples the tree every `intervalMs` until stopped; `stop()` returns the peak in MB. */
export function watchPeakRss(rootPid: number, intervalMs = 50): { stop(): number } {
  let peak = 0;
  const sample = (): void => {
    peak = Math.max(peak, treeRssBytes(rootPid));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak / (1024 * 1024);
    },
  };
}
