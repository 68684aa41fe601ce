/** What an import produces, ready to be written: one source, its traces, their graphlets. */
import type { GraphletDocument, SourceKind } from '@graphlet/contract';
import type { JsonFormat } from '@graphlet/formats';
import type { SearchNodeRow } from './search-index.ts';

interface TraceSummaryColumns {
  readonly executions: number;
  readonly artifacts: number;
  readonly graphlets: number;
  readonly failedGraphlets: number;
  readonly pushedShare: number | null;
  readonly lifespanDays: number | null;
  readonly modelsPerDay: number | null;
  readonly computeSeconds: number;
}

/** A graphlet as stored and answered: core's Graphlet with nulls for unknown times, and metrics. */
export type StoredGraphlet = GraphletDocument;

export interface ImportedTrace {
  readonly pipeline: string;
  /** The core Trace as compact JSON. */
  readonly payload: string;
  /**
   * The trace endpoint's answer (nodes, edges, layout) as gzipped JSON, computed once (at import
   * or on the trace's first request: null until then).
   */
  readonly layout: Uint8Array | null;
  readonly summary: TraceSummaryColumns;
  readonly graphlets: readonly StoredGraphlet[];
  /**
   * What the corpus statistics see in this trace (core's StatsState as JSON), so the statistics
   * of many traces merge these instead of reading each trace again.
   */
  readonly stats: string;
  /** Its executions' and artifacts' rows of the corpus search, so no writer parses the payload again. */
  readonly searchRows: readonly SearchNodeRow[];
  readonly note?: string | undefined;
}

export interface ImportedSource {
  readonly id: string;
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly kind: SourceKind;
  /** Which JSON format, for JSON sources. */
  readonly format?: JsonFormat | null;
  readonly schemaVersion: number | null;
  readonly jobId: number | null;
  /** Read one at a time while the source is written (a large store is never held whole). */
  readonly traces: Iterable<ImportedTrace>;
}
