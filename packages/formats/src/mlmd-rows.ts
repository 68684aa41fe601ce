/**
 * Turns the rows of one trace's queries (mlmd-trace-queries.ts) into model nodes and events,
 * whichever backend streams them: rows are pushed in batches, properties and event paths are
 * merge-joined on ids (both sides sorted by id).
 */
import type { SQLInputValue } from 'node:sqlite';
import {
  type Artifact,
  artifactId,
  type EventType,
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
  NODE_COLUMNS as N,
  PROPERTY_COLUMNS as P,
  PATH_COLUMNS as S,
  type TraceSql,
  type TraceStatements,
  EVENT_COLUMNS as V,
} from './mlmd-trace-queries.ts';
import { setOwn } from './protobuf-struct.ts';
import type { Row, RowSource } from './row-source.ts';

/** Executions, artifacts and events read by one set of queries, each in ascending id order. */
export interface TraceRows {
  readonly executions: Execution[];
  readonly artifacts: Artifact[];
  readonly events: TraceEvent[];
}

type PropertyCells = Parameters<typeof propertyValueOf>[0];

/** An event as read, before its path steps are known. */
interface PendingEvent {
  readonly id: number;
  readonly execution: number;
  readonly artifact: number;
  readonly type: EventType;
  readonly timeMs: number | undefined;
  key: string | undefined;
  index: number | undefined;
}

/** A node list that property rows are merge-joined onto. */
class PropertyJoin<T extends { id: number; properties: Properties; customProperties: Properties }> {
  readonly nodes: T[] = [];
  private at = 0;

  add(rows: readonly Row[]): void {
    const nodes = this.nodes;
    for (const row of rows) {
      const owner = Number(row[P.node]);
      while (this.at < nodes.length && nodes[this.at]!.id < owner) this.at++;
      const node = nodes[this.at];
      if (node === undefined || node.id !== owner) continue;
      // Number() also reads PostgreSQL's booleans.
      const target = Number(row[P.custom]) !== 0 ? node.customProperties : node.properties;
      setOwn(target, String(row[P.name]), propertyValueOf(row as PropertyCells, P.values));
    }
  }
}

/** Builds one trace's nodes and events from rows pushed in query order. */
export class TraceAssembler {
  private readonly typeNames: ReadonlyMap<number, string>;
  private readonly role: (type: string) => Role;
  private readonly executions = new PropertyJoin<Execution>();
  private readonly artifacts = new PropertyJoin<Artifact>();
  private readonly events: PendingEvent[] = [];
  private pathAt = 0;
  private nodeAt = 0;

  constructor(typeNames: ReadonlyMap<number, string>, role: (type: string) => Role) {
    this.typeNames = typeNames;
    this.role = role;
  }

  /** Execution rows, in id order. */
  addExecutions(rows: readonly Row[]): void {
    for (const row of rows) {
      const type = this.typeName(row[E.type]);
      this.executions.nodes.push({
        id: executionId(Number(row[E.id])),
        type,
        name: optionalString(row[E.name]),
        role: this.role(type),
        state: executionStateOf(optionalNumber(row[E.state])),
        startMs: optionalTime(row[E.created]),
        endMs: optionalTime(row[E.updated]),
        properties: {},
        customProperties: {},
      });
    }
  }

  /** Execution property rows, after every execution row, sorted by execution id. */
  addExecutionProperties(rows: readonly Row[]): void {
    this.executions.add(rows);
  }

  /** Execution node rows, after every execution row, sorted by execution id: the first wins. */
  addExecutionNodes(rows: readonly Row[]): void {
    const nodes = this.executions.nodes;
    for (const row of rows) {
      const owner = Number(row[N.execution]);
      while (this.nodeAt < nodes.length && nodes[this.nodeAt]!.id < owner) this.nodeAt++;
      const execution = nodes[this.nodeAt];
      if (execution === undefined || execution.id !== owner || execution.node !== undefined)
        continue;
      nodes[this.nodeAt] = { ...execution, node: String(row[N.name]) };
    }
  }

  /** Artifact rows, in id order. */
  addArtifacts(rows: readonly Row[]): void {
    for (const row of rows) {
      this.artifacts.nodes.push({
        id: artifactId(Number(row[A.id])),
        type: this.typeName(row[A.type]),
        name: optionalString(row[A.name]),
        uri: optionalString(row[A.uri]),
        state: artifactStateOf(optionalNumber(row[A.state])),
        createdMs: optionalTime(row[A.created]),
        properties: {},
        customProperties: {},
      });
    }
  }

  /** Artifact property rows, after every artifact row, sorted by artifact id. */
  addArtifactProperties(rows: readonly Row[]): void {
    this.artifacts.add(rows);
  }

  /** Event rows, in id order. */
  addEvents(rows: readonly Row[]): void {
    for (const row of rows) {
      const time = row[V.time];
      this.events.push({
        id: Number(row[V.id]),
        execution: Number(row[V.execution]),
        artifact: Number(row[V.artifact]),
        type: eventTypeOf(Number(row[V.type])),
        timeMs: time === null || time === undefined ? undefined : Number(time),
        key: undefined,
        index: undefined,
      });
    }
  }

  /** EventPath rows, after every event row, sorted by event id: first key and index step win. */
  addEventPaths(rows: readonly Row[]): void {
    const events = this.events;
    for (const step of rows) {
      const id = Number(step[S.event]);
      while (this.pathAt < events.length && events[this.pathAt]!.id < id) this.pathAt++;
      const event = events[this.pathAt];
      if (event === undefined || event.id !== id) continue;
      if (Number(step[S.isIndex]) !== 0) {
        if (event.index === undefined && step[S.index] !== null)
          event.index = Number(step[S.index]);
      } else if (event.key === undefined && step[S.key] !== null) {
        event.key = String(step[S.key]);
      }
    }
  }

  /** The nodes and events; UNKNOWN events have no direction and are dropped. */
  finish(): TraceRows {
    const events: TraceEvent[] = [];
    for (const e of this.events) {
      const kind = eventKindOf(e.type);
      if (kind === undefined) continue;
      events.push({
        execution: executionId(e.execution),
        artifact: artifactId(e.artifact),
        kind,
        type: e.type,
        key: e.key,
        index: e.index,
        timeMs: e.timeMs,
      });
    }
    return { executions: this.executions.nodes, artifacts: this.artifacts.nodes, events };
  }

  private typeName(id: unknown): string {
    return this.typeNames.get(Number(id)) ?? `unknown-type-${String(id)}`;
  }
}

/** Runs prepared SQLite statements with `params` and builds the model objects. */
export function readTraceRows(
  s: TraceStatements,
  params: readonly SQLInputValue[],
  typeNames: ReadonlyMap<number, string>,
  role: (type: string) => Role,
): TraceRows {
  const assembler = new TraceAssembler(typeNames, role);
  const all = (statement: TraceStatements[keyof TraceStatements]) =>
    statement.all(...params) as unknown as Row[];
  assembler.addExecutions(all(s.executions));
  assembler.addExecutionProperties(all(s.executionProperties));
  assembler.addExecutionNodes(all(s.executionNodes));
  assembler.addArtifacts(all(s.artifacts));
  assembler.addArtifactProperties(all(s.artifactProperties));
  assembler.addEvents(all(s.events));
  assembler.addEventPaths(all(s.eventPaths));
  return assembler.finish();
}

/** Streams the seven queries from any row source and builds the model objects. */
export async function streamTraceRows(
  source: RowSource,
  sql: TraceSql,
  typeNames: ReadonlyMap<number, string>,
  role: (type: string) => Role,
): Promise<TraceRows> {
  const assembler = new TraceAssembler(typeNames, role);
  const feed = async (text: string, add: (rows: readonly Row[]) => void, exact = false) => {
    for await (const batch of source.rows(text, [], { exactIntegers: exact })) add(batch);
  };
  await feed(sql.executions, (r) => assembler.addExecutions(r));
  await feed(sql.executionProperties, (r) => assembler.addExecutionProperties(r), true);
  await feed(sql.executionNodes, (r) => assembler.addExecutionNodes(r));
  await feed(sql.artifacts, (r) => assembler.addArtifacts(r));
  await feed(sql.artifactProperties, (r) => assembler.addArtifactProperties(r), true);
  await feed(sql.events, (r) => assembler.addEvents(r));
  await feed(sql.eventPaths, (r) => assembler.addEventPaths(r));
  return assembler.finish();
}

function optionalString(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

function optionalNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** MLMD writes 0 for an unset time. */
function optionalTime(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = Number(value);
  return ms === 0 ? undefined : ms;
}
