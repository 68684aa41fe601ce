/** Reads any trace file the project understands, telling MLMD stores from JSON by content. */
import type { RoleOverride, Trace } from '@graphlet/core';
import { readTraceDocument } from './json-trace-format.ts';
import { readMlmdStore } from './read-mlmd-store.ts';
import { sniffFile } from './sniff-file.ts';

/** What readTraceFile found: the file kind, its traces, and the MLMD schema version if any. */
export interface TraceFile {
  readonly kind: 'mlmd' | 'json';
  readonly traces: Trace[];
  readonly schemaVersion?: number;
}

/** Reads an MLMD SQLite store or a JSON trace document; throws FormatError on bad input. */
export function readTraceFile(
  path: string,
  options: { roleOverrides?: readonly RoleOverride[] } = {},
): TraceFile {
  if (sniffFile(path) === 'json') return { kind: 'json', traces: readTraceDocument(path, options) };
  const { traces, schemaVersion } = readMlmdStore(path, options);
  return { kind: 'mlmd', traces, schemaVersion };
}
