/**
 * Random traces for the lineage formats' round-trip properties: a DAG of executions with task
 * names of every role, roles from core's classifier, increasing times, each artifact written at
 * most once. `shape` picks what the format under test can express.
 */
import {
  type Artifact,
  artifactId,
  classifyRole,
  type Execution,
  type ExecutionState,
  executionId,
  type Trace,
  type TraceEvent,
} from '@graphlet/core';
import fc from 'fast-check';

const NAMES = [
  'ingest_events',
  'validate_data',
  'preprocess',
  'train_model',
  'tune',
  'evaluate_model',
  'push_model',
  'retrain_schedule',
  'copy_table',
];

/** What varies between formats: states, types, and the properties each node carries. */
export interface LineageShape {
  readonly states: readonly ExecutionState[];
  readonly types: readonly string[];
  readonly execution: (
    i: number,
    type: string,
    pipeline: string,
  ) => Pick<Execution, 'properties' | 'customProperties'>;
  readonly artifact: (
    i: number,
    pipeline: string,
  ) => Pick<Artifact, 'type' | 'name' | 'uri' | 'state' | 'properties' | 'customProperties'>;
  /** The time an event carries, from its execution's start and end. */
  readonly eventTime: (
    kind: 'input' | 'output',
    startMs: number,
    endMs: number,
  ) => number | undefined;
  /** Event key per direction and position, or undefined. */
  readonly key: (kind: 'input' | 'output', position: number) => string | undefined;
}

interface Step {
  readonly name: number;
  readonly type: number;
  readonly state: number;
  readonly duration: number;
  readonly inputs: readonly number[];
  readonly outputs: number;
  readonly sources: number;
}

const step: fc.Arbitrary<Step> = fc.record({
  name: fc.nat(),
  type: fc.nat(),
  state: fc.nat(),
  duration: fc.nat({ max: 5000 }),
  inputs: fc.array(fc.nat(), { maxLength: 3 }),
  outputs: fc.nat({ max: 2 }),
  sources: fc.nat({ max: 1 }),
});

/** Random traces of `shape`, pipeline `pipeline`. */
export function randomLineageTrace(
  shape: LineageShape,
  pipeline = 'ns-random',
): fc.Arbitrary<Trace> {
  return fc
    .array(step, { minLength: 1, maxLength: 8 })
    .map((steps) => build(steps, shape, pipeline));
}

function build(steps: readonly Step[], shape: LineageShape, pipeline: string): Trace {
  const executions: Execution[] = [];
  const artifacts: Artifact[] = [];
  const events: TraceEvent[] = [];
  const newArtifact = () => {
    const id = artifactId(artifacts.length + 1);
    artifacts.push({ id, ...shape.artifact(id, pipeline) });
    return id;
  };
  steps.forEach((s, i) => {
    const id = executionId(i + 1);
    const name = NAMES[s.name % NAMES.length]!;
    const type = shape.types[s.type % shape.types.length]!;
    const startMs = 1_700_000_000_000 + 10_000 * i;
    const endMs = startMs + s.duration;
    const { properties, customProperties } = shape.execution(id, type, pipeline);
    const state = shape.states[s.state % shape.states.length]!;
    executions.push({
      id,
      type,
      name,
      role: classifyRole({ type, name, customProperties }),
      state,
      startMs,
      endMs,
      properties,
      customProperties,
    });
    const read = new Set<number>();
    for (let k = 0; k < s.sources; k++) read.add(newArtifact());
    for (const pick of s.inputs)
      if (artifacts.length > 0) read.add(artifacts[pick % artifacts.length]!.id);
    [...read].forEach((a, k) => {
      events.push({
        execution: id,
        artifact: artifactId(a),
        kind: 'input',
        type: 'INPUT',
        key: shape.key('input', k),
        timeMs: shape.eventTime('input', startMs, endMs),
      });
    });
    for (let k = 0; k < s.outputs; k++) {
      events.push({
        execution: id,
        artifact: newArtifact(),
        kind: 'output',
        type: 'OUTPUT',
        key: shape.key('output', k),
        timeMs: shape.eventTime('output', startMs, endMs),
      });
    }
  });
  return { pipeline, executions, artifacts, events: events.map(dropUndefined) };
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
