/**
 * Writes traces as Kubeflow Pipelines v2 runs (`{runs: [...]}` as ListRuns answers), the inverse
 * of read-kfp-run.ts for what a run answer says: executions as tasks of the run in their `runId`
 * property (one run per trace otherwise), grouped under a root DAG task, events as the tasks'
 * named inputs and outputs of artifact ids.
 */
import type { ExecutionState, JsonValue, Trace } from '@graphlet/core';
import { formatEventTime } from '../openlineage/event-time.ts';

type Json = { [key: string]: JsonValue };

const STATES: Readonly<Record<ExecutionState, string>> = {
  unknown: 'RUNTIME_STATE_UNSPECIFIED',
  new: 'PENDING',
  running: 'RUNNING',
  complete: 'SUCCEEDED',
  cached: 'SKIPPED',
  failed: 'FAILED',
  canceled: 'CANCELED',
};

/** The traces as a ListRuns answer. */
export function stringifyKfpRuns(traces: readonly Trace[]): string {
  return `${JSON.stringify({ runs: traces.flatMap(runsOf) }, null, 2)}\n`;
}

function runsOf(t: Trace): Json[] {
  const byRun = new Map<string, Json[]>();
  for (const x of t.executions) {
    const runId = typeof x.properties.runId === 'string' ? x.properties.runId : `${t.pipeline}-run`;
    const io = (kind: 'input' | 'output') => {
      const map: Record<string, string[]> = {};
      for (const e of t.events) {
        if (e.execution !== x.id || e.kind !== kind) continue;
        const key = e.key ?? kind;
        map[key] = [...(map[key] ?? []), String(e.artifact)];
      }
      return Object.fromEntries(Object.entries(map).map(([k, ids]) => [k, { artifact_ids: ids }]));
    };
    const task: Json = {
      run_id: runId,
      task_id: typeof x.properties.taskId === 'string' ? x.properties.taskId : `task-${x.id}`,
      display_name: x.name ?? x.type,
      state: STATES[x.state],
      execution_id: String(x.id),
      inputs: io('input'),
      outputs: io('output'),
      parent_task_id: `${runId}-root`,
    };
    if (x.startMs !== undefined) task.start_time = formatEventTime(x.startMs);
    if (x.endMs !== undefined) task.end_time = formatEventTime(x.endMs);
    const list = byRun.get(runId) ?? [];
    list.push(task);
    byRun.set(runId, list);
  }
  return [...byRun.entries()].map(([runId, tasks]) => ({
    run_id: runId,
    display_name: `${t.pipeline} ${runId}`,
    pipeline_spec: { pipelineInfo: { name: t.pipeline } },
    state: 'SUCCEEDED',
    run_details: {
      task_details: [
        {
          run_id: runId,
          task_id: `${runId}-root`,
          display_name: t.pipeline,
          state: 'SUCCEEDED',
          child_tasks: tasks.map((k) => ({ task_id: k.task_id as string })),
        },
        ...tasks,
      ],
    },
  }));
}
