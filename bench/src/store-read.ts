// Child process of store-bench.ts: reads every trace of one MLMD store pipeline by pipeline
// through the store reader (openMlmdStore), counting nodes, and prints one JSON line with wall
// and CPU seconds and this process's peak RSS. Not a bench of its own (no -bench suffix).
//   node bench/src/store-read.ts STORE   (an SQLite path or a mysql:// / postgres:// URL)

import { openMlmdStore } from '@graphlet/formats';

const location = process.argv[2];
if (location === undefined) throw new Error('store-read: expected a store path or URL');
const cpu0 = process.cpuUsage();
const start = performance.now();
const store = await openMlmdStore(location);
let pipelines = 0;
let nodes = 0;
let events = 0;
try {
  for await (const trace of store.traces()) {
    pipelines++;
    nodes += trace.executions.length + trace.artifacts.length;
    events += trace.events.length;
  }
} finally {
  await store.close();
}
const used = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({
    pipelines,
    nodes,
    events,
    seconds: Number(((performance.now() - start) / 1000).toFixed(2)),
    cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(2)),
    // resourceUsage().maxRSS is in kilobytes.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
