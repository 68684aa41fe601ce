/** Reads trace files for a command, turning format errors into one-line CLI errors. */
import type { RoleOverride, Trace } from '@graphlet/core';
import {
  FormatError,
  iterateMlmdTraces,
  readTraceFile,
  sniffFile,
  type TraceFile,
} from '@graphlet/formats';
import { CliError } from './cli-error.ts';

/** Reads an MLMD store or JSON trace document; bad input becomes a CliError naming the file. */
export function loadTraces(file: string, roleOverrides: readonly RoleOverride[]): TraceFile {
  return asCliError(() => readTraceFile(file, { roleOverrides }));
}

/**
 * Yields a file's traces one pipeline at a time: MLMD stores are read pipeline by pipeline, so
 * memory stays bounded by the largest trace (a paper-scale store does not fit in memory whole).
 */
export function* streamTraces(
  file: string,
  roleOverrides: readonly RoleOverride[],
): Generator<Trace> {
  if (asCliError(() => sniffFile(file)) === 'json') {
    yield* loadTraces(file, roleOverrides).traces;
    return;
  }
  const traces = asCliError(() => iterateMlmdTraces(file, { roleOverrides }));
  for (;;) {
    const next = asCliError(() => traces.next());
    if (next.done === true) return;
    yield next.value;
  }
}

function asCliError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FormatError) throw new CliError(error.message);
    throw error;
  }
}
