/**
 * The parts of a Kubeflow Pipelines v2 run (the `GetRun` answer of the v2beta1 API, and each
 * item of `ListRuns`) this reader uses, checked with zod. The API server answers snake_case
 * (`run_details.task_details`); the JSON mapping of the protos is camelCase; both are read.
 * int64 ids arrive as strings.
 */
import { z } from 'zod';

const id = z.union([z.string(), z.number()]).transform(String);
const artifactList = z.looseObject({ artifact_ids: z.array(id).default([]) });

/** One task of a run (`PipelineTaskDetail`). */
const kfpTaskSchema = z.looseObject({
  task_id: id.optional(),
  display_name: z.string().optional(),
  create_time: z.string().optional(),
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  state: z.string().optional(),
  execution_id: id.optional(),
  inputs: z.record(z.string(), artifactList).optional(),
  outputs: z.record(z.string(), artifactList).optional(),
  parent_task_id: id.optional(),
  child_tasks: z.array(z.unknown()).optional(),
});
export type KfpTask = z.infer<typeof kfpTaskSchema>;

/** One run (`Run`). */
export const kfpRunSchema = z.looseObject({
  run_id: id.optional(),
  display_name: z.string().optional(),
  pipeline_spec: z
    .looseObject({ pipelineInfo: z.looseObject({ name: z.string().optional() }).optional() })
    .optional(),
  pipeline_version_reference: z.looseObject({ pipeline_id: id.optional() }).optional(),
  created_at: z.string().optional(),
  state: z.string().optional(),
  run_details: z.looseObject({ task_details: z.array(kfpTaskSchema).default([]) }),
});
export type KfpRun = z.infer<typeof kfpRunSchema>;

/** camelCase keys to snake_case, recursively, except inside maps keyed by user names. */
export function snakeKeys(value: unknown, userKeys = false): unknown {
  if (Array.isArray(value)) return value.map((v) => snakeKeys(v));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const key = userKeys ? k : k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    // inputs/outputs map artifact names (kept as written); pipeline_spec is the compiled spec.
    const keepInner = key === 'inputs' || key === 'outputs';
    out[key] = key === 'pipeline_spec' ? v : snakeKeys(v, keepInner);
  }
  return out;
}
