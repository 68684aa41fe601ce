/**
 * Writes a small MLMD store as Kubeflow Pipelines v2 records it (hand-built: the shared fixtures
 * have none): one `system.Pipeline` context, `system.ContainerExecution` executions that name
 * their task only in the `task_name` and `display_name` custom properties, `system.*` artifacts.
 * Two runs of churn-pipeline; the second fails to deploy.
 */
import { DatabaseSync } from 'node:sqlite';
import { type ArtifactId, type ExecutionState, TraceBuilder } from '@graphlet/core';
import { writeMlmdStore } from '../write-mlmd-store.ts';

const CONTAINER = 'system.ContainerExecution';

/** Writes the store to `path` (a new file). */
export function writeKfpMlmdStore(path: string): void {
  const b = new TraceBuilder('churn-pipeline');
  let t = Date.parse('2024-06-01T03:00:00Z');
  const task = (
    name: string,
    state: ExecutionState,
    inputs: readonly (readonly [ArtifactId, string])[] = [],
  ) => {
    t += 60_000;
    return b.execution(CONTAINER, {
      role: 'other',
      state,
      startMs: t,
      endMs: t + 30_000,
      customProperties: { task_name: name, display_name: name, pod_name: `${name}-pod` },
      inputs,
    });
  };
  for (const day of [0, 1]) {
    t = Date.parse('2024-06-01T03:00:00Z') + day * 86_400_000;
    const ingest = task('ingest-data', 'complete');
    const dataset = b.output(ingest, 'system.Dataset', 'dataset');
    const stats = task('validate-data', 'complete', [[dataset, 'dataset']]);
    b.output(stats, 'system.Artifact', 'statistics');
    const pre = task('preprocess', 'complete', [[dataset, 'dataset']]);
    const features = b.output(pre, 'system.Dataset', 'features');
    const train = task('train-model', 'complete', [[features, 'features']]);
    const model = b.output(train, 'system.Model', 'model');
    const evaluate = task('evaluate-model', 'complete', [
      [model, 'model'],
      [features, 'features'],
    ]);
    const metrics = b.output(evaluate, 'system.Metrics', 'metrics');
    const deploy = task('deploy-model', day === 0 ? 'complete' : 'failed', [
      [model, 'model'],
      [metrics, 'metrics'],
    ]);
    if (day === 0) b.output(deploy, 'system.Artifact', 'endpoint');
  }
  writeMlmdStore(path, [b.build()]);
  const db = new DatabaseSync(path);
  try {
    db.exec("UPDATE Type SET name = 'system.Pipeline' WHERE name = 'pipeline'");
  } finally {
    db.close();
  }
}
