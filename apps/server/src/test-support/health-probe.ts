/**
 * Test helper: asks /api/health every 100 ms and records how late each answer came (wall time),
 * and the longest stretch of main-thread CPU between two 5 ms ticks: the longest task the event
 * loop ran. The second does not grow when other processes crowd the machine's cores, so tests
 * assert on it; the wall waits are reported beside it.
 */
import type { Server } from '../create-app.ts';

export interface HealthStalls {
  readonly samples: number;
  /** The longest wait (ms) from a probe's due time to its answer. */
  readonly worstMs: number;
  readonly p99Ms: number;
  /** Main-thread CPU (ms) spent between two consecutive ticks, at most. */
  readonly longestTaskCpuMs: number;
}

const threadCpuMs = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

/** Starts probing `server`; `stop()` ends it and summarises the waits. */
export function probeHealth(server: Server, intervalMs = 100): { stop(): Promise<HealthStalls> } {
  const waits: number[] = [];
  let running = true;
  let lastCpu = threadCpuMs();
  let longestTaskCpuMs = 0;
  const ticker = setInterval(() => {
    const cpu = threadCpuMs();
    longestTaskCpuMs = Math.max(longestTaskCpuMs, cpu - lastCpu);
    lastCpu = cpu;
  }, 5);
  const loop = (async () => {
    const start = performance.now();
    for (let k = 1; running; k++) {
      const due = start + k * intervalMs;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const response = await server.app.request('/api/health');
      await response.text();
      // A blocked event loop delays the timer as well as the answer: both count from `due`.
      waits.push(performance.now() - due);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      clearInterval(ticker);
      const sorted = [...waits].sort((a, b) => a - b);
      return {
        samples: sorted.length,
        worstMs: sorted.at(-1) ?? 0,
        p99Ms: sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] ?? 0,
        longestTaskCpuMs,
      };
    },
  };
}
