/**
 * Reads Kubeflow Pipelines v2 runs (a `GetRun` answer, a JSON array of them, or a `ListRuns`
 * answer `{runs: [...]}`) into traces, one per pipeline: each leaf task is an execution (its MLMD
 * execution id, type `system.ContainerExecution`, its display name, state and times), each
 * artifact id an artifact named by the output (or input) it was passed as, each input and output
 * an event keyed by that name. Tasks that only group others (the root DAG) are not executions.
 * Roles come from the task names. GetRun carries no artifact types, URIs or properties.
 */
import {
  type Artifact,
  artifactId,
  type Execution,
  type ExecutionState,
  executionId,
  type RoleOverride,
  roleClassifier,
  type Trace,
  type TraceEvent,
} from '@graphlet/core';
import { FormatError } from '../format-error.ts';
import { parseJson } from '../json-text.ts';
import { parseEventTime } from '../openlineage/event-time.ts';
import { type KfpRun, type KfpTask, kfpRunSchema, snakeKeys } from './kfp-run.ts';

/** The MLMD type Kubeflow Pipelines gives a task's execution. */
export const CONTAINER_EXECUTION = 'system.ContainerExecution';
/** The type of artifacts whose type a run answer does not carry. */
export const UNTYPED_ARTIFACT = 'system.Artifact';

const STATES: Readonly<Record<string, ExecutionState>> = {
  RUNTIME_STATE_UNSPECIFIED: 'unknown',
  PENDING: 'new',
  RUNNING: 'running',
  PAUSED: 'running',
  SUCCEEDED: 'complete',
  // KFP skips the container of a task whose outputs come from the cache.
  SKIPPED: 'cached',
  FAILED: 'failed',
  CANCELING: 'canceled',
  CANCELED: 'canceled',
};

/** Reads the text of one or more KFP v2 runs; `file` names it in errors. */
export function parseKfpRuns(
  text: string,
  file: string,
  options: { roleOverrides?: readonly RoleOverride[] } = {},
): Trace[] {
  const raw = parseJson(text, file);
  const list = Array.isArray(raw)
    ? raw
    : Array.isArray((raw as { runs?: unknown }).runs)
      ? (raw as { runs: unknown[] }).runs
      : [raw];
  const runs = list.map((r, i) => {
    const parsed = kfpRunSchema.safeParse(snakeKeys(r));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new FormatError(
        'invalid_trace',
        file,
        `not a Kubeflow Pipelines run at runs[${i}].${issue.path.join('.')}: ${issue.message}`,
      );
    }
    return parsed.data;
  });
  return kfpRunsToTraces(runs, options.roleOverrides);
}

/** The pipeline of a run: its compiled spec's name, else its pipeline id, display name or run id. */
export function pipelineOfRun(run: KfpRun): string {
  return (
    run.pipeline_spec?.pipelineInfo?.name ??
    run.pipeline_version_reference?.pipeline_id ??
    run.display_name ??
    run.run_id ??
    'default'
  );
}

/** Builds one trace per pipeline (sorted by name) from runs. */
export function kfpRunsToTraces(
  runs: readonly KfpRun[],
  overrides?: readonly RoleOverride[],
): Trace[] {
  const classify = roleClassifier(overrides);
  const byPipeline = new Map<string, { run: KfpRun; task: KfpTask }[]>();
  for (const run of runs) {
    const tasks = run.run_details.task_details.filter((t) => !isGroup(t));
    const list = byPipeline.get(pipelineOfRun(run)) ?? [];
    for (const task of tasks) list.push({ run, task });
    byPipeline.set(pipelineOfRun(run), list);
  }
  // Execution ids: MLMD's when given and unique, else numbered past the largest.
  const used = new Set<number>();
  let next = 1;
  for (const list of byPipeline.values()) {
    for (const { task } of list) {
      const n = Number(task.execution_id);
      if (Number.isSafeInteger(n) && n > 0) next = Math.max(next, n + 1);
    }
  }
  return [...byPipeline.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([pipeline, list]) => {
      const executions: Execution[] = [];
      const artifacts = new Map<number, Artifact>();
      const events: TraceEvent[] = [];
      // An artifact is named by the output that made it, else by the first input (in time) it was passed as.
      const names = new Map<number, string>();
      const byTime = [...list].sort(
        (a, b) =>
          (time(a.task.start_time) ?? Number.POSITIVE_INFINITY) -
            (time(b.task.start_time) ?? Number.POSITIVE_INFINITY) ||
          Number(a.task.execution_id) - Number(b.task.execution_id),
      );
      for (const side of ['outputs', 'inputs'] as const) {
        for (const { task } of byTime) {
          for (const [key, { artifact_ids }] of Object.entries(task[side] ?? {})) {
            for (const raw of artifact_ids)
              if (!names.has(Number(raw))) names.set(Number(raw), key);
          }
        }
      }
      for (const { run, task } of list) {
        let n = Number(task.execution_id);
        if (!Number.isSafeInteger(n) || n <= 0 || used.has(n)) n = next++;
        used.add(n);
        const id = executionId(n);
        const name = task.display_name;
        const properties: Record<string, string> = {};
        if (run.run_id !== undefined) properties.runId = run.run_id;
        if (task.task_id !== undefined) properties.taskId = task.task_id;
        const startMs = time(task.start_time) ?? time(task.create_time);
        const endMs = time(task.end_time);
        executions.push({
          id,
          type: CONTAINER_EXECUTION,
          name,
          role: classify({ type: CONTAINER_EXECUTION, name }),
          state: STATES[task.state ?? 'RUNTIME_STATE_UNSPECIFIED'] ?? 'unknown',
          ...(startMs === undefined ? {} : { startMs }),
          ...(endMs === undefined ? {} : { endMs }),
          properties,
          customProperties: {},
        });
        for (const [kind, map] of [
          ['output', task.outputs],
          ['input', task.inputs],
        ] as const) {
          for (const [key, { artifact_ids }] of Object.entries(map ?? {})) {
            artifact_ids.forEach((raw, index) => {
              const a = Number(raw);
              if (!Number.isSafeInteger(a)) return;
              if (!artifacts.has(a)) {
                artifacts.set(a, {
                  id: artifactId(a),
                  type: UNTYPED_ARTIFACT,
                  name: names.get(a) ?? key,
                  state: 'unknown',
                  properties: {},
                  customProperties: {},
                });
              }
              events.push({
                execution: id,
                artifact: artifactId(a),
                kind,
                type: kind === 'input' ? 'INPUT' : 'OUTPUT',
                key,
                ...(artifact_ids.length > 1 ? { index } : {}),
              });
            });
          }
        }
      }
      executions.sort((a, b) => a.id - b.id);
      events.sort(
        (a, b) =>
          a.execution - b.execution ||
          (a.kind === b.kind ? a.artifact - b.artifact : a.kind === 'input' ? -1 : 1),
      );
      return {
        pipeline,
        executions,
        artifacts: [...artifacts.values()].sort((a, b) => a.id - b.id),
        events,
      };
    });
}

/** A task that only groups others: it has child tasks and passes no artifact. */
function isGroup(t: KfpTask): boolean {
  const passes = Object.keys(t.inputs ?? {}).length + Object.keys(t.outputs ?? {}).length > 0;
  return (t.child_tasks?.length ?? 0) > 0 && !passes;
}

/** KFP writes the epoch for unset times. */
function time(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseEventTime(value);
  return ms === undefined || ms <= 0 ? undefined : ms;
}
