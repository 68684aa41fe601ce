/**
 * The trace model: one pipeline's recorded history of executions, artifacts and the
 * input/output events between them (paper §2.1; MLMD's data model without contexts).
 */
import type { ArtifactId, ExecutionId } from './ids.ts';
import type { Role } from './roles.ts';

/** Any JSON value. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A property value that could not be decoded (e.g. a malformed MLMD struct); kept raw and marked. */
export interface UndecodedValue {
  readonly $undecoded: string;
  readonly reason: string;
}

/** A property value: int, double, string, bool, a decoded struct (JSON), or an undecoded raw value. */
export type PropertyValue = JsonValue | UndecodedValue;

/** Named property values of a node. */
export type Properties = Record<string, PropertyValue>;

/** Execution states as MLMD records them; `unknown` when the store has none (MLMD schema v4). */
export const EXECUTION_STATES = [
  'unknown',
  'new',
  'running',
  'complete',
  'failed',
  'cached',
  'canceled',
] as const;
export type ExecutionState = (typeof EXECUTION_STATES)[number];

/** Artifact states as MLMD records them. */
export const ARTIFACT_STATES = [
  'unknown',
  'pending',
  'live',
  'marked_for_deletion',
  'deleted',
  'abandoned',
  'reference',
] as const;
export type ArtifactState = (typeof ARTIFACT_STATES)[number];

/** One run of an operator. */
export interface Execution {
  readonly id: ExecutionId;
  /** Full type name as recorded, e.g. `tfx.components.trainer.component.Trainer`. */
  readonly type: string;
  /** Node name within the pipeline when recorded (MLMD `name`), e.g. `Trainer`. */
  readonly name?: string | undefined;
  /**
   * The pipeline node it ran as, when MLMD records one: the name of its `node` context, which
   * TFX's orchestrators write as `<pipeline>.<node id>` (e.g. `taxi.Trainer`).
   */
  readonly node?: string | undefined;
  readonly role: Role;
  readonly state: ExecutionState;
  /** Start time, ms since the epoch, when known. */
  readonly startMs?: number | undefined;
  /** End (last update) time, ms since the epoch, when known. */
  readonly endMs?: number | undefined;
  readonly properties: Properties;
  readonly customProperties: Properties;
}

/** One data object read or written by executions (a data span, schema, model, ...). */
export interface Artifact {
  readonly id: ArtifactId;
  readonly type: string;
  readonly name?: string | undefined;
  readonly uri?: string | undefined;
  readonly state: ArtifactState;
  /** Creation time, ms since the epoch, when known. */
  readonly createdMs?: number | undefined;
  readonly properties: Properties;
  readonly customProperties: Properties;
}

/** MLMD event types, by name. */
export const EVENT_TYPES = [
  'UNKNOWN',
  'DECLARED_OUTPUT',
  'DECLARED_INPUT',
  'INPUT',
  'OUTPUT',
  'INTERNAL_INPUT',
  'INTERNAL_OUTPUT',
  'PENDING_OUTPUT',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** An input or output link between an execution and an artifact. */
export interface TraceEvent {
  readonly execution: ExecutionId;
  readonly artifact: ArtifactId;
  readonly kind: 'input' | 'output';
  /** The MLMD event type this link came from. */
  readonly type: EventType;
  /** The event's key (first string step of its path), e.g. `examples`, `base_model`. */
  readonly key?: string | undefined;
  /** The event's index within its key, when recorded. */
  readonly index?: number | undefined;
  readonly timeMs?: number | undefined;
}

/** One pipeline's history. */
export interface Trace {
  /** Pipeline name (the MLMD pipeline context name, or `default`). */
  readonly pipeline: string;
  readonly executions: readonly Execution[];
  readonly artifacts: readonly Artifact[];
  readonly events: readonly TraceEvent[];
}

/** Reads a property, regular first, then custom; undefined when absent. */
export function propertyOf(
  node: { readonly properties: Properties; readonly customProperties: Properties },
  name: string,
): PropertyValue | undefined {
  return node.properties[name] ?? node.customProperties[name];
}

/** True for a value kept raw because it could not be decoded. */
export function isUndecoded(value: PropertyValue | undefined): value is UndecodedValue {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && '$undecoded' in value
  );
}
