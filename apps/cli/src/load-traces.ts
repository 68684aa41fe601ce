/**
 * Reads traces for a command from a file (MLMD SQLite store or JSON trace document) or a store
 * URL (mysql://, mariadb://, postgres://, postgresql://); formats' errors name the file or the
 * URL without its password and reach the CLI's runner.
 */
import type { RoleOverride, Trace } from '@graphlet/core';
import {
  isStoreUrl,
  iterateMlmdTraces,
  openMlmdStore,
  parseStoreLocation,
  readTraceFile,
  redactStoreUrl,
  sniffFile,
  type TraceFile,
} from '@graphlet/formats';

/** The usage line naming what a FILE argument may be. */
export const SOURCE_USAGE =
  'an MLMD SQLite store, a JSON trace document, OpenLineage events, PROV-JSON or Kubeflow Pipelines runs, or an MLMD database URL (mysql://user@host:3306/db, postgres://user@host/db; password from the URL or MLMD_PASSWORD)';

/** How messages name a file or store URL (URLs without their password). */
export function sourceLabel(source: string): string {
  if (!isStoreUrl(source)) return source;
  try {
    return parseStoreLocation(source).label;
  } catch {
    return redactStoreUrl(source);
  }
}

/** Reads a whole file or store; bad input throws a FormatError naming it. */
export async function loadTraces(
  source: string,
  roleOverrides: readonly RoleOverride[],
): Promise<TraceFile> {
  if (!isStoreUrl(source)) return readTraceFile(source, { roleOverrides });
  const traces: Trace[] = [];
  let schemaVersion = 0;
  for await (const trace of streamTraces(source, roleOverrides, (v) => {
    schemaVersion = v;
  })) {
    traces.push(trace);
  }
  return { kind: 'mlmd', traces, schemaVersion };
}

/**
 * Yields a file's or store's traces one pipeline at a time: MLMD stores are read pipeline by
 * pipeline, so memory stays bounded by the largest trace (a paper-scale store does not fit in
 * memory whole). `onVersion` receives the MLMD schema version once a database store is open.
 */
export async function* streamTraces(
  source: string,
  roleOverrides: readonly RoleOverride[],
  onVersion?: (schemaVersion: number) => void,
): AsyncGenerator<Trace> {
  if (isStoreUrl(source)) {
    const store = await openMlmdStore(source, { roleOverrides });
    try {
      onVersion?.(store.schemaVersion);
      yield* store.traces();
    } finally {
      await store.close();
    }
    return;
  }
  if (sniffFile(source) === 'json') {
    yield* readTraceFile(source, { roleOverrides }).traces;
    return;
  }
  yield* iterateMlmdTraces(source, { roleOverrides });
}
