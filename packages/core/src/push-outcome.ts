/**
 * Why a graphlet was or was not pushed, as far as its trace shows: a failed trainer, the model
 * validator's blessing (TFX's Evaluator writes a ModelBlessing with a custom property `blessed`
 * 0/1; an InfraValidator an InfraBlessing), and the push step (absent, failed, declined, pushed).
 */
import type { Graphlet } from './graphlet.ts';
import type { ArtifactId, ExecutionId } from './ids.ts';
import type { Artifact, Execution, ExecutionState, Trace } from './trace.ts';
import { propertyOf } from './trace.ts';
import { TraceError } from './trace-error.ts';

/** What the trace says happened to the graphlet's model. */
export const PUSH_OUTCOMES = [
  'pushed',
  'failed-trainer',
  'push-step-failed',
  'push-declined',
  'push-step-absent',
] as const;
export type PushOutcomeKind = (typeof PUSH_OUTCOMES)[number];

/** A blessing artifact written by a validator of the graphlet. */
export interface Blessing {
  readonly artifact: ArtifactId;
  /** The artifact type, e.g. `ModelBlessing` or `InfraBlessing`. */
  readonly type: string;
  /** The validator execution that wrote it. */
  readonly validator: ExecutionId;
  /** The validator's label: its type's last segment (`Evaluator`); names may be generated ids. */
  readonly validatorName: string;
  /** `blessed` as recorded; undefined when the artifact carries no such property. */
  readonly blessed: boolean | undefined;
}

/** The outcome of one graphlet and the evidence for it. */
export interface PushOutcome {
  readonly kind: PushOutcomeKind;
  /** The trainer's recorded state. */
  readonly trainerState: ExecutionState;
  /** Blessings written by the graphlet's executions, model validator first, then by artifact id. */
  readonly blessings: readonly Blessing[];
  /** The deployment (push) executions of the graphlet, ascending. */
  readonly pushers: readonly ExecutionId[];
  /** One plain sentence saying what the trace shows. */
  readonly sentence: string;
}

const TRUE_VALUES = new Set<unknown>([1, true, '1']);
const FALSE_VALUES = new Set<unknown>([0, false, '0']);

/**
 * What the trace shows about a graphlet's push: `failed-trainer` when the trainer failed (no model,
 * so no push decision), `pushed`, `push-step-failed` when a push step failed, `push-declined` when
 * it ran and pushed nothing, else `push-step-absent`. Blessings come with each outcome.
 * @example pushOutcome(trace, segmentGraphlets(trace).graphlets[0]!).sentence
 */
export function pushOutcome(trace: Trace, graphlet: Graphlet): PushOutcome {
  const members = new Set<number>(graphlet.executions);
  const executions = new Map<number, Execution>();
  for (const e of trace.executions) if (members.has(e.id)) executions.set(e.id, e);
  const trainer = executions.get(graphlet.trainer);
  if (trainer === undefined) {
    throw new TraceError(
      'invalid_argument',
      'core',
      `pushOutcome: trainer ${graphlet.trainer} is not in the trace`,
    );
  }
  const artifacts = new Map<number, Artifact>();
  for (const a of trace.artifacts) artifacts.set(a.id, a);
  const blessings: Blessing[] = [];
  const seen = new Set<number>();
  for (const ev of trace.events) {
    if (ev.kind !== 'output' || seen.has(ev.artifact)) continue;
    const e = executions.get(ev.execution);
    const a = artifacts.get(ev.artifact);
    if (e === undefined || a === undefined || !isBlessingType(a.type)) continue;
    seen.add(ev.artifact);
    const value = propertyOf(a, 'blessed');
    blessings.push({
      artifact: a.id,
      type: a.type,
      validator: e.id,
      validatorName: lastSegment(e.type),
      blessed: TRUE_VALUES.has(value) ? true : FALSE_VALUES.has(value) ? false : undefined,
    });
  }
  blessings.sort(
    (x, y) =>
      Number(isModelBlessing(y.type)) - Number(isModelBlessing(x.type)) || x.artifact - y.artifact,
  );
  const pushers = graphlet.executions.filter((id) => executions.get(id)?.role === 'deployment');
  const kind = outcomeKind(graphlet, trainer, pushers, executions);
  return {
    kind,
    trainerState: trainer.state,
    blessings,
    pushers,
    sentence: sentenceOf(kind, trainer, blessings, pushers, executions),
  };
}

function outcomeKind(
  graphlet: Graphlet,
  trainer: Execution,
  pushers: readonly ExecutionId[],
  executions: ReadonlyMap<number, Execution>,
): PushOutcomeKind {
  if (graphlet.failed) return 'failed-trainer';
  if (graphlet.pushed) return 'pushed';
  if (trainer.state === 'failed') return 'failed-trainer';
  if (pushers.length === 0) return 'push-step-absent';
  const states = pushers.map((id) => executions.get(id)!.state);
  if (states.some((s) => s === 'failed' || s === 'canceled')) return 'push-step-failed';
  return 'push-declined';
}

function sentenceOf(
  kind: PushOutcomeKind,
  trainer: Execution,
  blessings: readonly Blessing[],
  pushers: readonly ExecutionId[],
  executions: ReadonlyMap<number, Execution>,
): string {
  const pusherName = pushers.length === 0 ? 'push step' : labelOf(executions.get(pushers[0]!)!);
  switch (kind) {
    case 'failed-trainer':
      return `The ${labelOf(trainer)} run ${trainer.state === 'canceled' ? 'was canceled' : 'failed'}: it made no model, so this graphlet is no push decision (its compute was still spent).`;
    case 'pushed':
      return `Pushed: ${blessingClause(blessings, true)}the ${pusherName} pushed the model.`;
    case 'push-step-failed':
      return `Not pushed: ${blessingClause(blessings, false)}the ${pusherName} run failed.`;
    case 'push-declined':
      return `Not pushed: ${blessingClause(blessings, false)}the ${pusherName} ran and declined to push the model.`;
    case 'push-step-absent':
      return `Not pushed: ${blessingClause(blessings, false)}no push step ran in this graphlet.`;
  }
}

/** "the model validator (Evaluator) did not bless the model, and " or "" without a blessing. */
function blessingClause(blessings: readonly Blessing[], pushed: boolean): string {
  const b = blessings.find((x) => x.blessed !== undefined);
  if (b === undefined) return pushed ? '' : 'no validator recorded a blessing, and ';
  const who = isModelBlessing(b.type)
    ? `the model validator (${b.validatorName})`
    : `the validator ${b.validatorName}`;
  return `${who} ${b.blessed ? 'blessed' : 'did not bless'} the model, and `;
}

function labelOf(e: Execution): string {
  return lastSegment(e.type);
}

function lastSegment(type: string): string {
  return type.slice(type.lastIndexOf('.') + 1);
}

function isBlessingType(type: string): boolean {
  return lastSegment(type).endsWith('Blessing');
}

function isModelBlessing(type: string): boolean {
  return lastSegment(type) === 'ModelBlessing';
}
