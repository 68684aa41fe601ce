import { gunzipSync } from 'node:zlib';
import { buildTraceGraph, segmentGraphlets, type Trace } from '@graphlet/core';
import { syntheticTraceForBench } from '@graphlet/core/testing';
import { readMlmdStore } from '@graphlet/formats';
import { fixturePath, MLMD_FIXTURES } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import { gzipLayout, layoutJsonChunks } from './layout-json.ts';
import { layoutTrace } from './layout-trace.ts';

/** Fixture traces and one synthetic trace of ~26,000 nodes (several chunks of JSON). */
const traces: [string, Trace][] = [
  ...MLMD_FIXTURES.flatMap((name) =>
    readMlmdStore(fixturePath(name)).traces.map((t, i): [string, Trace] => [`${name}#${i}`, t]),
  ),
  ['synthetic', syntheticTraceForBench(1_600)],
];

describe('the trace answer written in chunks', () => {
  it.each(traces)('is the text of the laid-out document, gzipped (%s)', (_, trace) => {
    const graph = buildTraceGraph(trace);
    const { graphlets } = segmentGraphlets(trace, graph);
    const whole = JSON.stringify(layoutTrace(graph, graphlets));
    expect([...layoutJsonChunks(graph, graphlets)].join('')).toBe(whole);
    expect(gunzipSync(gzipLayout(graph, graphlets)).toString()).toBe(whole);
  });

  it('hands on chunks of about a megabyte', () => {
    const trace = syntheticTraceForBench(1_600);
    const graph = buildTraceGraph(trace);
    const chunks = [...layoutJsonChunks(graph, segmentGraphlets(trace, graph).graphlets)];
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeLessThan(1.1 * 2 ** 20);
  });
});
