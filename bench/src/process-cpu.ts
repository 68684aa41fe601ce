// CPU time of processes by pid, from /proc/<pid>/stat (user + system of every thread), for the
// scale-out bench's split of where an import's CPU goes: API, workers, PostgreSQL, Redis.
// Linux only; a pid that is gone (or another OS) reads as undefined.

import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux's common builds). */
const TICKS = 100;

/** /proc/<pid>/stat's fields after the command name (state first), or undefined. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces, inside parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) the process has used so far, or undefined. */
function cpuSeconds(pid: number | undefined): number | undefined {
  const fields = pid === undefined ? undefined : statFields(pid);
  return fields === undefined ? undefined : (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/** The parent of a process, or undefined. */
export function parentPid(pid: number): number | undefined {
  const ppid = statFields(pid)?.[1];
  return ppid === undefined ? undefined : Number(ppid);
}

/**
 * CPU seconds a server's process tree has used so far: the root's own, its live children's, and
 * those of children that exited (the root's cutime and cstime). For PostgreSQL, whose backends
 * come and go with connections, the postmaster's tree counts every backend and helper.
 */
export function treeCpuSeconds(root: number): number | undefined {
  const fields = statFields(root);
  if (fields === undefined) return undefined;
  let total = [11, 12, 13, 14].reduce((t, i) => t + Number(fields[i]), 0) / TICKS;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (Number.isInteger(pid) && pid !== root && parentPid(pid) === root)
      total += cpuSeconds(pid) ?? 0;
  }
  return total;
}

/** CPU seconds each pid used since `before` (a pid absent then counts from 0). */
export function cpuSince(
  before: ReadonlyMap<number, number>,
  pids: readonly number[],
): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    const now = cpuSeconds(pid);
    if (now !== undefined) used.set(pid, now - (before.get(pid) ?? 0));
  }
  return used;
}

/** The CPU seconds of `pids` now, as a baseline for cpuSince. */
export function cpuNow(pids: readonly number[]): Map<number, number> {
  const now = new Map<number, number>();
  for (const pid of pids) {
    const s = cpuSeconds(pid);
    if (s !== undefined) now.set(pid, s);
  }
  return now;
}
