/** The `segment` command's result: every trace's graphlets in a stable, JSON-ready shape. */
import type { Trace } from '@graphlet/core';
import { segmentTrace } from './segment-trace.ts';

/** One graphlet as `segment --json` prints it; ids are the store's ids, ascending. */
interface GraphletReport {
  readonly trainer: number;
  readonly index: number;
  readonly executions: readonly number[];
  readonly artifacts: readonly number[];
  readonly spans: readonly number[];
  readonly downstream: readonly number[];
  readonly pushed: boolean;
  readonly warmStart: boolean;
  readonly startMs: number | null;
  readonly endMs: number | null;
}

/** One trace's segmentation. */
export interface TraceReport {
  readonly pipeline: string;
  readonly graphlets: readonly GraphletReport[];
  readonly note?: string;
}

/** Segments every trace: traces sorted by pipeline name, graphlets by trainer id. */
export function segmentReport(traces: readonly Trace[], file: string): { traces: TraceReport[] } {
  const reports = traces.map((trace): TraceReport => {
    const segmentation = segmentTrace(trace, file);
    const graphlets = segmentation.graphlets
      .map((g) => ({
        trainer: g.trainer as number,
        index: g.index,
        executions: ascending(g.executions),
        artifacts: ascending(g.artifacts),
        spans: ascending(g.spans),
        downstream: ascending(g.downstream),
        pushed: g.pushed,
        warmStart: g.warmStart,
        startMs: g.startMs ?? null,
        endMs: g.endMs ?? null,
      }))
      .sort((a, b) => a.trainer - b.trainer);
    return segmentation.note === undefined
      ? { pipeline: trace.pipeline, graphlets }
      : { pipeline: trace.pipeline, graphlets, note: segmentation.note };
  });
  reports.sort((a, b) => (a.pipeline < b.pipeline ? -1 : a.pipeline > b.pipeline ? 1 : 0));
  return { traces: reports };
}

function ascending(ids: readonly number[]): number[] {
  return [...ids].sort((a, b) => a - b);
}
