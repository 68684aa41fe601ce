/** Opens an uploaded file for an import that reads its traces one at a time. */
import type { SourceKind } from '@graphlet/contract';
import type { Trace } from '@graphlet/core';
import { type JsonFormat, openMlmdPipelines, readTraceFile, sniffFile } from '@graphlet/formats';

/** A file being imported: what it is, how many traces, and the traces read on demand. */
export interface TraceFileReader {
  readonly kind: SourceKind;
  readonly format?: JsonFormat | undefined;
  readonly schemaVersion?: number | undefined;
  readonly warnings?: readonly string[] | undefined;
  /** Traces expected (an MLMD store's `default` trace may turn out empty and be skipped). */
  readonly total: number;
  traces(): Iterable<Trace>;
  close(): void;
}

/**
 * An MLMD store is read pipeline by pipeline (its traces never held at once: a store of hundreds
 * of pipelines would take gigabytes); a JSON file is parsed whole, as JSON cannot be read in parts.
 */
export function openTraceFile(path: string): TraceFileReader {
  if (sniffFile(path) === 'json') {
    const file = readTraceFile(path);
    return { ...file, total: file.traces.length, traces: () => file.traces, close: () => {} };
  }
  const reader = openMlmdPipelines(path);
  return {
    kind: 'mlmd',
    schemaVersion: reader.schemaVersion,
    total: reader.pipelines.length,
    *traces() {
      for (let i = 0; i < reader.pipelines.length; i++) {
        const trace = reader.read(i);
        if (trace !== undefined) yield trace;
      }
    },
    close: () => reader.close(),
  };
}
