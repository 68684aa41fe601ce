/**
 * Random DAG traces for property tests, built from a plan of plain numbers (which fast-check
 * generates and shrinks). Executions come in build order; each reads artifacts made before it,
 * so production edges always point forward and the trace is a DAG.
 */
import { type ArtifactId, artifactId } from '../ids.ts';
import type { Role } from '../roles.ts';
import type { ExecutionState, Properties, PropertyValue, Trace } from '../trace.ts';
import { TraceBuilder } from '../trace-builder.ts';

/** One planned execution; picks are reduced modulo the number of artifacts built so far. */
export interface PlannedExecution {
  readonly kind: number;
  readonly state: number;
  readonly inputs: readonly number[];
  readonly baseModel: boolean;
  readonly outputs: number;
  readonly reuse: readonly number[];
  readonly name: number;
  readonly pushed: number;
}

const KINDS: readonly (readonly [string, Role])[] = [
  ['CsvExampleGen', 'ingestion'],
  ['StatisticsGen', 'data_validation'],
  ['ExampleValidator', 'data_validation'],
  ['Transform', 'transform'],
  ['Trainer', 'trainer'],
  ['Evaluator', 'model_validation'],
  ['Pusher', 'deployment'],
  ['Resolver', 'other'],
];
const STATES: readonly ExecutionState[] = ['complete', 'complete', 'failed', 'cached', 'unknown'];
const PUSHED_VALUES: readonly (PropertyValue | undefined)[] = [undefined, 0, 1, '1', true];

/** Even picks choose among the 4 newest artifacts (pipelines mostly read fresh outputs), odd any. */
function recent(pick: number, count: number): number {
  return pick % 2 === 0 ? count - 1 - ((pick >> 1) % Math.min(count, 4)) : (pick >> 1) % count;
}

/**
 * Builds the trace of a plan. Execution i gets id `ids[i]`, start 10·i before `unknownFrom` and no
 * start from there on. Non-cached executions re-emit only artifacts a non-cached execution made,
 * and only when their start is known, so a reuse link never becomes the earliest output (which
 * could close a cycle).
 */
export function randomTrace(
  plan: readonly PlannedExecution[],
  ids: readonly number[],
  unknownFrom: number,
): Trace {
  const b = new TraceBuilder('random');
  const artifacts: ArtifactId[] = [];
  // Artifacts with a non-cached output so far: the only ones a non-cached execution may re-emit.
  const produced: ArtifactId[] = [];
  let nextArtifact = 1;
  plan.forEach((p, i) => {
    const [type, role] = KINDS[p.kind % KINDS.length]!;
    const state = STATES[p.state % STATES.length]!;
    const known = i < unknownFrom;
    const inputs =
      artifacts.length === 0
        ? []
        : p.inputs.map((pick, k) => {
            const a = artifacts[recent(pick, artifacts.length)]!;
            return [a, k === 0 && p.baseModel ? 'base_model' : 'in'] as const;
          });
    const x = b.execution(type, {
      id: ids[i]!,
      role,
      state,
      name: p.name === 0 ? undefined : `${type}${p.name}`,
      startMs: known ? 10 * i : undefined,
      endMs: known ? 10 * i + 5 : undefined,
      inputs,
    });
    const reusable = state === 'cached' ? artifacts : produced;
    if (reusable.length > 0 && (known || state === 'cached')) {
      for (const pick of p.reuse) b.link(x, reusable[pick % reusable.length]!, 'output', 'out');
    }
    for (let o = 0; o < p.outputs; o++) {
      const value = PUSHED_VALUES[(p.pushed + o) % PUSHED_VALUES.length];
      const customProperties: Properties = value === undefined ? {} : { pushed: value };
      const a = b.output(x, role === 'trainer' ? 'Model' : 'Thing', 'out', {
        id: nextArtifact++,
        customProperties,
      });
      artifacts.push(artifactId(a));
      if (state !== 'cached') produced.push(artifactId(a));
    }
  });
  return b.build();
}
