// The server's `waste-train` job on a store connected by path, with the memory of every phase
// (VmRSS of the server process polled every 250 ms, worker threads included, and VmHWM at the
// end of each phase): the first sync, the Figures page's statistics, then the training job
// (the four main variants), whose stage (features, training, evaluated, saving) names the phase.
//   node bench/src/waste-server-bench.ts [--store FILE] [--trees 100] [--port 8474]
//     [--skip-stats] [--server-root DIR]
// The goal at the paper's scale (/work/data/paper-s1.sqlite): the process's peak under 2 GB.

import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type JobDoc, postJson, startServer, waitForJob } from './server-process.ts';

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: '/work/data/corpus-300-s1.sqlite' },
    trees: { type: 'string', default: '100' },
    port: { type: 'string', default: '8474' },
    'skip-stats': { type: 'boolean', default: false },
    'server-root': { type: 'string' },
  },
});
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const log = (text: string) => process.stderr.write(`waste-server-bench: ${text}\n`);
const serverMain =
  values['server-root'] === undefined
    ? fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url))
    : join(values['server-root'], 'apps/server/src/main.ts');

const server = await startServer(serverMain, values.port);
/** Per phase: seconds, CPU seconds, the highest RSS polled and VmHWM at its end. */
const phases: Record<
  string,
  { seconds: number; cpuSeconds: number; maxRssMb: number; peakRssMbAtEnd: number }
> = {};
let current = 'start';
let started = performance.now();
let cpuAtStart = server.cpuSeconds();
let maxRss = server.rssMb();
const enter = (phase: string) => {
  if (phase === current) return;
  phases[current] = {
    seconds: round((performance.now() - started) / 1000),
    cpuSeconds: round(server.cpuSeconds() - cpuAtStart, 1),
    maxRssMb: Math.max(maxRss, server.rssMb()),
    peakRssMbAtEnd: server.peakRssMb(),
  };
  current = phase;
  started = performance.now();
  cpuAtStart = server.cpuSeconds();
  maxRss = server.rssMb();
};
const poller = setInterval(() => {
  maxRss = Math.max(maxRss, server.rssMb());
}, 250);
let result: Record<string, unknown>;
let featureWorkersRetired = 0;
try {
  enter('sync');
  log(`connecting ${values.store} by path...`);
  const created = await postJson(server, '/api/connections', {
    kind: 'sqlite',
    path: values.store,
    name: basename(values.store),
  });
  await waitForJob(server, (created.job as JobDoc).id);
  if (!values['skip-stats']) {
    enter('stats');
    log('statistics...');
    const response = await fetch(`${server.base}/api/stats`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`/api/stats: ${response.status}`);
  }
  enter('queued');
  log('training...');
  const trainStart = performance.now();
  const trainCpu = server.cpuSeconds();
  const train = await postJson(server, '/api/waste/train', { trees: Number(values.trees) });
  const job = await waitForJob(server, (train.job as JobDoc).id, (j) => {
    const retired = j.progress?.featureWorkersRetired;
    if (typeof retired === 'number')
      featureWorkersRetired = Math.max(featureWorkersRetired, retired);
    const stage = j.progress?.stage;
    if (typeof stage === 'string') {
      // One phase per variant's training; 'evaluated' belongs to the variant just trained.
      const variant = j.progress?.variant;
      enter(stage === 'training' && typeof variant === 'string' ? `training ${variant}` : stage);
    }
  });
  const trainSeconds = round((performance.now() - trainStart) / 1000);
  const trainCpuSeconds = round(server.cpuSeconds() - trainCpu, 1);
  enter('end');
  const modelId = (job.result as { model: { id: string } }).model.id;
  const model = (await (await fetch(`${server.base}/api/waste/models/${modelId}`)).json()) as {
    scope: unknown;
    rows: { variant: string; balancedAccuracy: number }[];
  };
  const peakRssMb = server.peakRssMb();
  result = {
    server: serverMain,
    store: values.store,
    load: loadavg().map((x) => round(x, 1)),
    trainSeconds,
    trainCpuSeconds,
    peakRssMb,
    featureWorkersRetired,
    phases,
    scope: model.scope,
    balancedAccuracy: Object.fromEntries(
      model.rows.map((row) => [row.variant, round(row.balancedAccuracy, 3)]),
    ),
    goals: { peakUnder2GB: peakRssMb < 2000 },
  };
} finally {
  clearInterval(poller);
  await server.stop();
}
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
