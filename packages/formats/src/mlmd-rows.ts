/**
 * Turns the rows of one set of trace statements (mlmd-trace-queries.ts) into model nodes and
 * events: properties and event paths are merge-joined on ids, both sides sorted by id.
 */
import type { SQLInputValue, SQLOutputValue } from 'node:sqlite';
import {
  type Artifact,
  artifactId,
  type Execution,
  executionId,
  type Properties,
  type Role,
  type TraceEvent,
} from '@graphlet/core';
import { artifactStateOf, eventKindOf, eventTypeOf, executionStateOf } from './mlmd-codes.ts';
import { propertyValueOf } from './mlmd-property-value.ts';
import {
  ARTIFACT_COLUMNS as A,
  EXECUTION_COLUMNS as E,
  PROPERTY_COLUMNS as P,
  PATH_COLUMNS as S,
  type TraceStatements,
  EVENT_COLUMNS as V,
} from './mlmd-trace-queries.ts';
import { setOwn } from './protobuf-struct.ts';

/** Executions, artifacts and events read by one set of statements, each in ascending id order. */
export interface TraceRows {
  readonly executions: Execution[];
  readonly artifacts: Artifact[];
  readonly events: TraceEvent[];
}

/** A row as node:sqlite returns it with setReturnArrays. */
type Row = readonly SQLOutputValue[];
type PropertyCells = Parameters<typeof propertyValueOf>[0];

/** Runs the statements with `params` and builds the model objects. */
export function readTraceRows(
  s: TraceStatements,
  params: readonly SQLInputValue[],
  typeNames: ReadonlyMap<number, string>,
  role: (type: string) => Role,
): TraceRows {
  const typeName = (id: SQLOutputValue | undefined) =>
    typeNames.get(Number(id)) ?? `unknown-type-${String(id)}`;
  const executionRows = s.executions.all(...params) as unknown as Row[];
  const executionProps = groupProperties(
    executionRows,
    s.executionProperties.all(...params) as unknown as Row[],
  );
  const executions: Execution[] = executionRows.map((row, i) => {
    const type = typeName(row[E.type]);
    return {
      id: executionId(Number(row[E.id])),
      type,
      name: optionalString(row[E.name]),
      role: role(type),
      state: executionStateOf(row[E.state] as number | null),
      startMs: optionalTime(row[E.created]),
      endMs: optionalTime(row[E.updated]),
      properties: executionProps.regular[i]!,
      customProperties: executionProps.custom[i]!,
    };
  });
  const artifactRows = s.artifacts.all(...params) as unknown as Row[];
  const artifactProps = groupProperties(
    artifactRows,
    s.artifactProperties.all(...params) as unknown as Row[],
  );
  const artifacts: Artifact[] = artifactRows.map((row, i) => ({
    id: artifactId(Number(row[A.id])),
    type: typeName(row[A.type]),
    name: optionalString(row[A.name]),
    uri: optionalString(row[A.uri]),
    state: artifactStateOf(row[A.state] as number | null),
    createdMs: optionalTime(row[A.created]),
    properties: artifactProps.regular[i]!,
    customProperties: artifactProps.custom[i]!,
  }));
  return { executions, artifacts, events: readEvents(s, params) };
}

/** Merge-joins property rows (sorted by node id) onto nodes (sorted by id). */
function groupProperties(nodes: readonly Row[], rows: readonly Row[]) {
  const regular: Properties[] = nodes.map(() => ({}));
  const custom: Properties[] = nodes.map(() => ({}));
  let n = 0;
  for (const row of rows) {
    const owner = Number(row[P.node]);
    while (n < nodes.length && Number(nodes[n]![0]) < owner) n++;
    if (n === nodes.length) break;
    if (Number(nodes[n]![0]) !== owner) continue;
    const target = Number(row[P.custom]) !== 0 ? custom[n]! : regular[n]!;
    setOwn(target, String(row[P.name]), propertyValueOf(row as PropertyCells, P.values));
  }
  return { regular, custom };
}

/** Events in id order with their key (first key step) and index (first index step). */
function readEvents(s: TraceStatements, params: readonly SQLInputValue[]): TraceEvent[] {
  const paths = s.eventPaths.all(...params) as unknown as Row[];
  const events: TraceEvent[] = [];
  let p = 0;
  for (const row of s.events.all(...params) as unknown as Row[]) {
    const id = Number(row[V.id]);
    let key: string | undefined;
    let index: number | undefined;
    while (p < paths.length && Number(paths[p]![S.event]) < id) p++;
    for (; p < paths.length && Number(paths[p]![S.event]) === id; p++) {
      const step = paths[p]!;
      if (Number(step[S.isIndex]) !== 0) {
        if (index === undefined && step[S.index] !== null) index = Number(step[S.index]);
      } else if (key === undefined && step[S.key] !== null) key = String(step[S.key]);
    }
    const type = eventTypeOf(Number(row[V.type]));
    const kind = eventKindOf(type);
    // An UNKNOWN event has no direction and cannot take part in the graph.
    if (kind === undefined) continue;
    const time = row[V.time];
    events.push({
      execution: executionId(Number(row[V.execution])),
      artifact: artifactId(Number(row[V.artifact])),
      kind,
      type,
      key,
      index,
      timeMs: time === null || time === undefined ? undefined : Number(time),
    });
  }
  return events;
}

function optionalString(value: SQLOutputValue | undefined): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

/** MLMD writes 0 for an unset time. */
function optionalTime(value: SQLOutputValue | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = Number(value);
  return ms === 0 ? undefined : ms;
}
