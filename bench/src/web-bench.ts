// Web benchmark (issues 7 and 8) in headless Chromium against the real server and the built app:
// a 7,083-node trace (core's syntheticTraceForBench(450)) - navigation to an interactive graph,
// selecting a graphlet by keyboard, hovering trainers with the mouse (upstream and downstream
// lit), frame times while panning - then the Figures page on a
// 300-pipeline synthetic corpus and a threshold step on the Waste page (skipped when missing).
// Each number comes with its target and measured/target. Builds apps/web when dist is missing.
//   node bench/src/web-bench.ts [--pipelines N] [--runs R] [--skip-figures] [--renderer canvas|webgl]
//     [--baseline-web DIR]
// WEB_BENCH_SERVER (another checkout's apps/server/src/main.ts) and WEB_DIR (a built app) override.
// --baseline-web DIR (another build's apps/web/dist, e.g. main's) measures the trace page on both
// builds in the same run, alternating twice, each on its own server: an A/B under the same load.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticTraceForBench } from '@graphlet/core/testing';
import { writeMlmdStore } from '@graphlet/formats';
import { writeCorpus } from '@graphlet/synth';
import { launchChromium } from './web/browser.ts';
import { measureFigures, measureThreshold } from './web/measure-figures.ts';
import { measureTrace, type TraceNumbers } from './web/measure-trace.ts';
import { ensureWebBuild, startServer, uploadStore } from './web/server.ts';
import { median } from './web/stats.ts';

const { values } = parseArgs({
  options: {
    pipelines: { type: 'string', default: '300' },
    runs: { type: 'string', default: '3' },
    'skip-figures': { type: 'boolean', default: false },
    renderer: { type: 'string' },
    'baseline-web': { type: 'string' },
  },
});
const runs = Number(values.runs);

/** A measured number beside its target. */
const vs = (ms: number, targetMs: number) => ({
  ms,
  targetMs,
  ratio: Number((ms / targetMs).toFixed(3)),
  withinTarget: ms < targetMs,
});

ensureWebBuild();
const temp = mkdtempSync(join(tmpdir(), 'web-bench-stores-'));
const server = await startServer();
const browser = await launchChromium();
try {
  const out: Record<string, unknown> = {};
  if (!values['skip-figures']) {
    // The corpus first, so the Figures page sees only it; the large trace is added afterwards.
    const corpus = join(temp, 'corpus.sqlite');
    writeCorpus(corpus, { pipelines: Number(values.pipelines), seed: 1 });
    await uploadStore(server.url, corpus);
    const figures = await measureFigures(browser, server.url, runs);
    out.figures =
      'skipped' in figures
        ? figures
        : { pipelines: Number(values.pipelines), runsMs: figures.runsMs, ...vs(figures.ms, 2000) };
    const threshold = await measureThreshold(browser, server.url);
    out.wasteThreshold =
      'skipped' in threshold
        ? threshold
        : {
            runsMs: threshold.runsMs,
            nextFrameMs: threshold.nextFrameMs,
            ...vs(threshold.ms, 16),
          };
  }
  const store = join(temp, 'large.sqlite');
  writeMlmdStore(store, [syntheticTraceForBench(450)]);
  const [traceId] = await uploadStore(server.url, store);
  if (traceId === undefined) throw new Error('web-bench: the large store holds no trace');
  const baselineWeb = values['baseline-web'];
  if (baselineWeb === undefined) {
    out.trace = traceFigures(
      await measureTrace(browser, server.url, traceId, runs, values.renderer),
    );
  } else {
    const baseline = await startServer(baselineWeb);
    try {
      const [baselineId] = await uploadStore(baseline.url, store);
      if (baselineId === undefined) throw new Error('web-bench: the baseline holds no trace');
      const a: TraceNumbers[] = [];
      const b: TraceNumbers[] = [];
      for (let round = 0; round < 2; round++) {
        a.push(await measureTrace(browser, baseline.url, baselineId, runs, values.renderer));
        b.push(await measureTrace(browser, server.url, traceId, runs, values.renderer));
      }
      const baselineFigures = traceFigures(merged(a));
      const traceNow = traceFigures(merged(b));
      out.baseline = { webDir: baselineWeb, ...baselineFigures };
      out.trace = traceNow;
      out.versusBaseline = {
        toInteractive: ratioOf(traceNow.toInteractive.ms, baselineFigures.toInteractive.ms),
        selectGraphlet: ratioOf(traceNow.selectGraphlet.ms, baselineFigures.selectGraphlet.ms),
        hoverHighlight: ratioOf(traceNow.hoverHighlight.ms, baselineFigures.hoverHighlight.ms),
        panFrameMedian: ratioOf(traceNow.panFrames.medianMs, baselineFigures.panFrames.medianMs),
      };
    } finally {
      await baseline.stop();
    }
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(temp, { recursive: true, force: true });
}

/** This build's time over the baseline's (below 1: faster). */
function ratioOf(ms: number, baselineMs: number): number {
  return Number((ms / baselineMs).toFixed(3));
}

/** The runs of several measurements of one build as one (medians over all runs). */
function merged(all: TraceNumbers[]): TraceNumbers {
  const last = all[all.length - 1]!;
  const navigationRunsMs = all.flatMap((t) => t.navigationRunsMs);
  const selectRunsMs = all.flatMap((t) => t.selectRunsMs);
  const hoverRunsMs = all.flatMap((t) => t.hoverRunsMs);
  return {
    ...last,
    navigationRunsMs,
    toInteractiveMs: median(navigationRunsMs),
    selectRunsMs,
    selectMs: median(selectRunsMs),
    hoverRunsMs,
    hoverMs: median(hoverRunsMs.filter(Number.isFinite)),
    hoverMisses: all.reduce((n, t) => n + t.hoverMisses, 0),
    pan: { ...last.pan, medianMs: median(all.map((t) => t.pan.medianMs)) },
  };
}

/** The trace page's figures beside their targets. */
function traceFigures(trace: TraceNumbers) {
  return {
    nodes: trace.nodes,
    edges: trace.edges,
    edgesDrawn: trace.edgesDrawn,
    renderer: trace.renderer,
    toInteractive: { runsMs: trace.navigationRunsMs, ...vs(trace.toInteractiveMs, 2000) },
    selectGraphlet: { runsMs: trace.selectRunsMs, ...vs(trace.selectMs, 100) },
    hoverHighlight: {
      runsMs: trace.hoverRunsMs,
      misses: trace.hoverMisses,
      ...vs(trace.hoverMs, 50),
    },
    panFrames: { ...trace.pan, note: 'reported, no target; 16.7 ms = 60 fps' },
    pageMeasures: trace.pageMeasures,
  };
}
