/**
 * CPU seconds a process tree has used, read from /proc (Linux): each live process's own time
 * and that of the children it has reaped. What `times` and `/usr/bin/time` miss of Chromium: its
 * renderers are reaped by its zygote, which is never waited for, so their time never reaches the
 * test runner's count. Used to print the browser's CPU time at the end of the browser tests, to
 * find a browser's own process under the wrapper script that started it, and for the process tree
 * the scale benchmark samples (bench-scale.ts).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticks: number | undefined;
/** clock ticks a second, the unit of /proc's CPU times (USER_HZ: 100 on the Linux we know), asked once */
function ticksPerSecond(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}
interface Stat {
  pid: number;
  ppid: number;
  /** utime + stime: the process's own CPU time, in clock ticks */
  own: number;
  /** own, with cutime + cstime: the children it has reaped */
  ticks: number;
}

function readStat(pid: string): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name is in parentheses and may hold spaces: the fields start after the last ")"
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(f[i] ?? 0);
    // fields 4 (ppid), 14–17 (utime, stime, cutime, cstime), counted from 1 with pid and comm as 1 and 2
    return { pid: Number(pid), ppid: n(1), own: n(11) + n(12), ticks: n(11) + n(12) + n(13) + n(14) };
  } catch {
    return undefined;
  }
}

/** `root` and every live descendant, parents before children; undefined off Linux */
function tree(root: number): Stat[] | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/u.test(p));
  } catch {
    return undefined;
  }
  const stats = pids.map(readStat).filter((s): s is Stat => s !== undefined);
  const children = new Map<number, Stat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const out: Stat[] = [];
  const todo = stats.filter((s) => s.pid === root);
  while (todo.length > 0) {
    const s = todo.shift() as Stat;
    out.push(s);
    todo.push(...(children.get(s.pid) ?? []));
  }
  return out;
}

/** seconds of CPU used by `root` and every live descendant (with what each has reaped); undefined off Linux */
export function treeCpuSeconds(root: number): number | undefined {
  const stats = tree(root);
  return stats === undefined ? undefined : stats.reduce((t, s) => t + s.ticks, 0) / ticksPerSecond();
}

/**
 * `root` and its live descendants, parents first, each with its own CPU seconds so far (not what
 * it reaped: a sampler that sums them counts a reaped process where it was sampled); empty off Linux
 */
export function treeProcesses(root: number): { pid: number; ownSeconds: number }[] {
  return (tree(root) ?? []).map((s) => ({ pid: s.pid, ownSeconds: s.own / ticksPerSecond() }));
}

/** the process ids of `root` and its live descendants, parents first (empty off Linux) */
export function treePids(root: number): number[] {
  return (tree(root) ?? []).map((s) => s.pid);
}
