/** Reads trace files for a command; formats' errors name the file and reach the CLI's runner. */
import type { RoleOverride, Trace } from '@graphlet/core';
import { iterateMlmdTraces, readTraceFile, sniffFile, type TraceFile } from '@graphlet/formats';

/** Reads an MLMD store or JSON trace document; bad input throws a FormatError naming the file. */
export function loadTraces(file: string, roleOverrides: readonly RoleOverride[]): TraceFile {
  return readTraceFile(file, { roleOverrides });
}

/**
 * Yields a file's traces one pipeline at a time: MLMD stores are read pipeline by pipeline, so
 * memory stays bounded by the largest trace (a paper-scale store does not fit in memory whole).
 */
export function* streamTraces(
  file: string,
  roleOverrides: readonly RoleOverride[],
): Generator<Trace> {
  if (sniffFile(file) === 'json') {
    yield* loadTraces(file, roleOverrides).traces;
    return;
  }
  yield* iterateMlmdTraces(file, { roleOverrides });
}
