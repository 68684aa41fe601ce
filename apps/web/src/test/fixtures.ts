/** Tiny hand-built payloads for the web app's tests. */
import type { GraphletDocument, StatsDocument } from '@graphlet/contract';
import {
  computeStatistics,
  PAPER_CLAIMS,
  PAPER_TARGETS,
  segmentGraphlets,
  TraceBuilder,
} from '@graphlet/core';
import { type TraceGraph, traceGraph } from '../api/schemas.ts';

/**
 * e1 (ingestion) -> a10 (span) -> e2 (trainer) -> a11 (model) -> e3 (pusher)
 *                                 e4 (trainer) <- a10 ; e4 -> a12
 * Graphlets: 2 = {e1,a10,e2,a11,e3}, 4 = {e1,a10,e4,a12}.
 */
export function smallTrace(): TraceGraph {
  return traceGraph.parse({
    nodes: [
      {
        id: 'e1',
        kind: 'execution',
        type: 'tfx.CsvExampleGen',
        role: 'ingestion',
        x: 0,
        y: 0,
        timeMs: Date.parse('2021-01-01T10:00:00Z'),
        graphlets: [2, 4],
      },
      { id: 'a10', kind: 'artifact', type: 'Examples', x: 1, y: 0, graphlets: [2, 4] },
      {
        id: 'e2',
        kind: 'execution',
        type: 'tfx.Trainer',
        name: 'Trainer',
        role: 'trainer',
        x: 2,
        y: 0,
        timeMs: Date.parse('2021-01-02T10:00:00Z'),
        graphlets: [2],
      },
      { id: 'a11', kind: 'artifact', type: 'Model', x: 3, y: 0, graphlets: [2] },
      {
        id: 'e3',
        kind: 'execution',
        type: 'tfx.Pusher',
        role: 'deployment',
        x: 4,
        y: 0,
        timeMs: Date.parse('2021-01-03T10:00:00Z'),
        graphlets: [2],
      },
      {
        id: 'e4',
        kind: 'execution',
        type: 'tfx.Trainer',
        role: 'trainer',
        x: 2,
        y: 1,
        timeMs: Date.parse('2021-01-05T10:00:00Z'),
        graphlets: [4],
      },
      { id: 'a12', kind: 'artifact', type: 'Model', x: 3, y: 1, graphlets: [4] },
    ],
    edges: [
      { source: 'e1', target: 'a10', kind: 'output' },
      { source: 'a10', target: 'e2', kind: 'input' },
      { source: 'e2', target: 'a11', kind: 'output' },
      { source: 'a11', target: 'e3', kind: 'input' },
      { source: 'a10', target: 'e4', kind: 'reuse' },
      { source: 'e4', target: 'a12', kind: 'output' },
      { source: 'a12', target: 'missing', kind: 'input' },
    ],
  });
}

/** The graphlets of smallTrace(): 2 (pushed, 2021-01-02) and 4 (not pushed, 2021-01-05). */
export function smallGraphlets(): GraphletDocument[] {
  const base = { downstream: [], warmStart: false, failed: false, endMs: null };
  const metrics = { executions: 3, artifacts: 2, spans: 1, computeSeconds: 60, durationMs: null };
  return [
    {
      ...base,
      trainer: 2,
      index: 0,
      executions: [1, 2, 3],
      artifacts: [10, 11],
      spans: [10],
      pushed: true,
      startMs: Date.parse('2021-01-02T10:00:00Z'),
      metrics,
    },
    {
      ...base,
      trainer: 4,
      index: 1,
      executions: [1, 4],
      artifacts: [10, 12],
      spans: [10],
      pushed: false,
      startMs: Date.parse('2021-01-05T10:00:00Z'),
      metrics,
    },
  ];
}

/**
 * The answer of `GET /api/stats` for `pipelines` copies of a tiny pipeline (one span, one trainer
 * without a model type, no feature statistics), computed by core as the server does: lifespan and
 * compute are available, the figures that need model types, feature statistics, analyzers or two
 * graphlets of a pipeline are not.
 */
export function statsAnswer(pipelines: number): StatsDocument {
  const hour = 3_600_000;
  const corpus = Array.from({ length: pipelines }, (_, i) => {
    const b = new TraceBuilder(`pipeline-${i}`);
    const gen = b.execution('CsvExampleGen', { startMs: 0, endMs: hour });
    const span = b.output(gen, 'Examples', 'examples', { createdMs: hour });
    const trainer = b.execution('Trainer', {
      startMs: hour,
      endMs: (3 + i) * hour,
      inputs: [span],
    });
    b.output(trainer, 'Model', 'model', { createdMs: (3 + i) * hour });
    const trace = b.build();
    return { trace, graphlets: segmentGraphlets(trace).graphlets };
  });
  // Through JSON, as the page receives it (readonly arrays become plain ones).
  return JSON.parse(
    JSON.stringify({
      ...computeStatistics(corpus),
      paper: PAPER_TARGETS,
      paperClaims: PAPER_CLAIMS,
    }),
  );
}
