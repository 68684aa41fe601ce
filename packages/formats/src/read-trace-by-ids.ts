/**
 * Reads one trace from any row source given its execution ids: executions, then their events,
 * then the artifacts those events (and the pipeline's attributions) name, each query an
 * `IN (literal ids)` list of at most CHUNK ids. Every query is then an index lookup, whatever the
 * store's size: a subquery over Event made the servers scan the whole table per pipeline.
 */
import type { Role } from '@graphlet/core';
import { idList, type SqlDialect } from './mlmd-dialect.ts';
import { TraceAssembler, type TraceRows } from './mlmd-rows.ts';
import { EVENT_COLUMNS, type StoreColumns, traceSelects } from './mlmd-trace-queries.ts';
import type { Row, RowSource } from './row-source.ts';

const CHUNK = 2000;

/** Where a trace's nodes are: its execution ids and extra artifact ids (attributions), sorted. */
export interface TraceIds {
  readonly executions: readonly number[];
  readonly artifacts: readonly number[];
}

/** Streams the rows of the trace with these ids and builds its nodes and events. */
export async function readTraceByIds(
  source: RowSource,
  dialect: SqlDialect,
  tables: StoreColumns,
  ids: TraceIds,
  typeNames: ReadonlyMap<number, string>,
  role: (type: string) => Role,
): Promise<TraceRows> {
  const select = traceSelects(dialect, tables);
  const assembler = new TraceAssembler(typeNames, role);
  const each = async (
    all: readonly number[],
    sql: (where: string) => string,
    column: string,
    add: (rows: readonly Row[]) => void,
    exact = false,
  ) => {
    // Ids ascend chunk by chunk, so rows sorted within each chunk stay sorted overall.
    for (let at = 0; at < all.length; at += CHUNK) {
      const where = `WHERE ${column} IN (${idList(all.slice(at, at + CHUNK))})`;
      for await (const batch of source.rows(sql(where), [], { exactIntegers: exact })) add(batch);
    }
  };
  await each(ids.executions, select.executions, 'id', (r) => assembler.addExecutions(r));
  await each(
    ids.executions,
    select.executionProperties,
    'execution_id',
    (r) => assembler.addExecutionProperties(r),
    true,
  );
  await each(ids.executions, select.executionNodes, 'execution_id', (r) =>
    assembler.addExecutionNodes(r),
  );
  const events: Row[] = [];
  await each(ids.executions, select.events, 'execution_id', (r) => {
    for (const row of r) events.push(row);
  });
  // Chunks of executions interleave event ids: restore id order.
  events.sort((a, b) => Number(a[EVENT_COLUMNS.id]) - Number(b[EVENT_COLUMNS.id]));
  assembler.addEvents(events);
  const eventIds = events.map((row) => Number(row[EVENT_COLUMNS.id]));
  await each(eventIds, select.eventPaths, 'event_id', (r) => assembler.addEventPaths(r));
  const artifacts = new Set(ids.artifacts);
  for (const row of events) artifacts.add(Number(row[EVENT_COLUMNS.artifact]));
  const artifactIds = [...artifacts].sort((a, b) => a - b);
  await each(artifactIds, select.artifacts, 'id', (r) => assembler.addArtifacts(r));
  await each(
    artifactIds,
    select.artifactProperties,
    'artifact_id',
    (r) => assembler.addArtifactProperties(r),
    true,
  );
  return assembler.finish();
}
