/**
 * Turns traces into the rows of MLMD's tables, for every writer backend: one pipeline context per
 * trace, Type and TypeProperty rows as types appear, ids kept unless already used (then one past
 * the largest). Rows go to a sink as arrays in the column order of WRITER_COLUMNS.
 */
import type { Properties, Trace } from '@graphlet/core';
import { FormatError } from './format-error.ts';
import { IdAllocator } from './id-allocator.ts';
import { artifactStateCode, eventTypeCode, executionStateCode } from './mlmd-codes.ts';
import { PROPERTY_VALUE_COLUMNS, propertyColumnsOf } from './mlmd-property-value.ts';
import type { SqlValue } from './row-source.ts';

const PROPERTY_COLUMNS = ['name', 'is_custom_property', ...PROPERTY_VALUE_COLUMNS];

/** The columns the writers fill, per table, in the order of the planner's rows. */
export const WRITER_COLUMNS = {
  Type: ['id', 'name', 'type_kind'],
  TypeProperty: ['type_id', 'name', 'data_type'],
  Context: ['id', 'type_id', 'name', 'create_time_since_epoch', 'last_update_time_since_epoch'],
  Execution: [
    'id',
    'type_id',
    'last_known_state',
    'name',
    'create_time_since_epoch',
    'last_update_time_since_epoch',
  ],
  ExecutionProperty: ['execution_id', ...PROPERTY_COLUMNS],
  Artifact: [
    'id',
    'type_id',
    'uri',
    'state',
    'name',
    'create_time_since_epoch',
    'last_update_time_since_epoch',
  ],
  ArtifactProperty: ['artifact_id', ...PROPERTY_COLUMNS],
  Event: ['id', 'artifact_id', 'execution_id', 'type', 'milliseconds_since_epoch'],
  EventPath: ['event_id', 'is_index_step', 'step_index', 'step_key'],
  Association: ['context_id', 'execution_id'],
  Attribution: ['context_id', 'artifact_id'],
} as const;

/** A table the writers fill. */
export type WriterTable = keyof typeof WRITER_COLUMNS;

/** Receives planned rows. */
export type RowSink = (table: WriterTable, row: SqlValue[]) => void;

/** What a store being appended to already holds. */
export interface ExistingStore {
  readonly maxExecutionId: number;
  readonly maxArtifactId: number;
  readonly maxEventId: number;
  readonly maxContextId: number;
  readonly maxTypeId: number;
  /** [id, name, type_kind] of every type. */
  readonly types: readonly (readonly [number, string, number])[];
  /** [type_id, name] of every TypeProperty. */
  readonly typeProperties: readonly (readonly [number, string])[];
  /** Pipeline context ids by name. */
  readonly pipelines: ReadonlyMap<string, number>;
  /** `node` context ids by name. */
  readonly nodes: ReadonlyMap<string, number>;
}

/** Options of the planner. */
export interface PlannerOptions {
  /** Append to these existing rows: a trace of a known pipeline extends it. */
  readonly existing?: ExistingStore;
  /** Refuse int_value beyond ±2^31 (MLMD's MySQL and PostgreSQL schemas use INT). */
  readonly int32Values?: boolean;
}

const EXECUTION_KIND = 0;
const ARTIFACT_KIND = 1;
const CONTEXT_KIND = 2;
const INT32 = 2 ** 31;

/** MLMD keeps times as int64 milliseconds (0 for unset): a fractional time is rounded. */
function ms(time: number | undefined): number {
  return time === undefined ? 0 : Math.round(time);
}

/** Plans the rows of trace after trace. */
export class MlmdRowPlanner {
  private readonly sink: RowSink;
  private readonly label: string;
  private readonly int32Values: boolean;
  private readonly appending: boolean;
  private readonly executionIds: IdAllocator;
  private readonly artifactIds: IdAllocator;
  private nextEvent: number;
  private nextContext: number;
  private nextType: number;
  /** Type ids by kind (execution, artifact, context), then name. */
  private readonly types = [
    new Map<string, number>(),
    new Map<string, number>(),
    new Map<string, number>(),
  ];
  /** Regular property names declared in TypeProperty, by type id. */
  private readonly typeProperties = new Map<number, Set<string>>();
  private readonly pipelines: Map<string, number>;
  private readonly nodes: Map<string, number>;

  constructor(sink: RowSink, label: string, options: PlannerOptions = {}) {
    const existing = options.existing;
    this.sink = sink;
    this.label = label;
    this.int32Values = options.int32Values === true;
    this.appending = existing !== undefined;
    this.executionIds = new IdAllocator(existing?.maxExecutionId ?? 0);
    this.artifactIds = new IdAllocator(existing?.maxArtifactId ?? 0);
    this.nextEvent = (existing?.maxEventId ?? 0) + 1;
    this.nextContext = (existing?.maxContextId ?? 0) + 1;
    this.nextType = (existing?.maxTypeId ?? 0) + 1;
    for (const [id, name, kind] of existing?.types ?? []) this.types[kind]?.set(name, id);
    for (const [typeId, name] of existing?.typeProperties ?? []) this.declared(typeId).add(name);
    this.pipelines = new Map(existing?.pipelines);
    this.nodes = new Map(existing?.nodes);
  }

  /** Marks execution and artifact ids the store already holds, so traces do not reuse them. */
  markTaken(executions: Iterable<number>, artifacts: Iterable<number>): void {
    this.executionIds.markTaken(executions);
    this.artifactIds.markTaken(artifacts);
  }

  /** Plans one trace's rows; returns how many rows it sent to the sink. */
  planTrace(trace: Trace): number {
    let rows = 0;
    const emit: RowSink = (table, row) => {
      this.sink(table, row);
      rows++;
    };
    const context = this.contextOf(trace.pipeline, emit);
    // Only ids renumbered because an earlier trace used them are kept here.
    const executionMap = new Map<number, number>();
    const artifactMap = new Map<number, number>();
    for (const e of trace.executions) {
      const id = this.executionIds.claim(e.id);
      if (id !== e.id) executionMap.set(e.id, id);
      const typeId = this.typeId(e.type, EXECUTION_KIND, emit);
      const state = executionStateCode(e.state);
      emit('Execution', [id, typeId, state, e.name ?? null, ms(e.startMs), ms(e.endMs)]);
      emit('Association', [context, id]);
      if (e.node !== undefined) emit('Association', [this.nodeContextOf(e.node, emit), id]);
      this.properties('ExecutionProperty', id, typeId, e.properties, e.customProperties, emit);
    }
    for (const a of trace.artifacts) {
      const id = this.artifactIds.claim(a.id);
      if (id !== a.id) artifactMap.set(a.id, id);
      const typeId = this.typeId(a.type, ARTIFACT_KIND, emit);
      const created = ms(a.createdMs);
      const state = artifactStateCode(a.state);
      emit('Artifact', [id, typeId, a.uri ?? null, state, a.name ?? null, created, created]);
      emit('Attribution', [context, id]);
      this.properties('ArtifactProperty', id, typeId, a.properties, a.customProperties, emit);
    }
    const seen = new Set<string>();
    for (const ev of trace.events) {
      const artifact = artifactMap.get(ev.artifact) ?? ev.artifact;
      const execution = executionMap.get(ev.execution) ?? ev.execution;
      const type = eventTypeCode(ev.type);
      const key = `${artifact} ${execution} ${type}`;
      if (seen.has(key)) {
        throw this.invalid(
          trace,
          'two events link the same artifact and execution with the same event type',
        );
      }
      seen.add(key);
      const event = this.nextEvent++;
      emit('Event', [
        event,
        artifact,
        execution,
        type,
        ev.timeMs === undefined ? null : ms(ev.timeMs),
      ]);
      if (ev.key !== undefined) emit('EventPath', [event, 0, null, ev.key]);
      if (ev.index !== undefined) emit('EventPath', [event, 1, ev.index, null]);
    }
    return rows;
  }

  private contextOf(pipeline: string, emit: RowSink): number {
    const known = this.pipelines.get(pipeline);
    if (known !== undefined) {
      if (this.appending) return known;
      throw new FormatError(
        'invalid_trace',
        this.label,
        `cannot write pipeline '${pipeline}': an earlier trace has the same pipeline name`,
      );
    }
    const id = this.nextContext++;
    emit('Context', [id, this.typeId('pipeline', CONTEXT_KIND, emit), pipeline, 0, 0]);
    this.pipelines.set(pipeline, id);
    return id;
  }

  /** The `node` context of that name, written on first use (names are unique per store). */
  private nodeContextOf(node: string, emit: RowSink): number {
    let id = this.nodes.get(node);
    if (id === undefined) {
      id = this.nextContext++;
      emit('Context', [id, this.typeId('node', CONTEXT_KIND, emit), node, 0, 0]);
      this.nodes.set(node, id);
    }
    return id;
  }

  private properties(
    table: 'ExecutionProperty' | 'ArtifactProperty',
    owner: number,
    typeId: number,
    regular: Properties,
    custom: Properties,
    emit: RowSink,
  ): void {
    for (const name in regular) {
      const { columns, dataType } = propertyColumnsOf(regular[name]!);
      emit(table, [owner, name, 0, ...this.checked(name, columns)]);
      const declared = this.declared(typeId);
      if (!declared.has(name)) {
        declared.add(name);
        emit('TypeProperty', [typeId, name, dataType]);
      }
    }
    for (const name in custom) {
      emit(table, [
        owner,
        name,
        1,
        ...this.checked(name, propertyColumnsOf(custom[name]!).columns),
      ]);
    }
  }

  private checked<T extends readonly SqlValue[]>(name: string, columns: T): T {
    const int = columns[0];
    if (this.int32Values && int !== null && int !== undefined) {
      const n = Number(int);
      if (n >= INT32 || n < -INT32) {
        throw new FormatError(
          'invalid_trace',
          this.label,
          `property '${name}' = ${String(int)} does not fit the INT int_value column of MLMD's MySQL and PostgreSQL schemas`,
        );
      }
      return [n, ...columns.slice(1)] as unknown as T;
    }
    return columns;
  }

  private declared(typeId: number): Set<string> {
    let set = this.typeProperties.get(typeId);
    if (set === undefined) {
      set = new Set();
      this.typeProperties.set(typeId, set);
    }
    return set;
  }

  private typeId(name: string, kind: number, emit: RowSink): number {
    const byName = this.types[kind]!;
    let id = byName.get(name);
    if (id === undefined) {
      id = this.nextType++;
      emit('Type', [id, name, kind]);
      byName.set(name, id);
    }
    return id;
  }

  private invalid(trace: Trace, what: string): FormatError {
    return new FormatError(
      'invalid_trace',
      this.label,
      `cannot write pipeline '${trace.pipeline}': ${what}`,
    );
  }
}
