// CPU time of processes by pid, from /proc/<pid>/stat (user + system of every thread), for the
// scale-out bench's split of where an import's CPU goes: API, workers, PostgreSQL, Redis.
// Linux only; a pid that is gone (or another OS) reads as undefined.

import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux's common builds). */
const TICKS = 100;

/** CPU seconds (user + system) the process has used so far, or undefined. */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return undefined;
  }
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
