/** Background jobs (imports now, training later): state, progress and live events. */
import { z } from 'zod';
import { idParamsSchema } from './id-params.ts';

/** `canceled`: a user stopped the job (DELETE /api/jobs/:id or deleting its source); nothing was written. */
export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'canceled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** The states a job never leaves. */
export const FINAL_JOB_STATES: readonly JobState[] = ['done', 'failed', 'canceled'];

/** True once a job is done, failed or canceled. */
export function isFinalJob(job: { readonly state: JobState }): boolean {
  return FINAL_JOB_STATES.includes(job.state);
}

export const JobIdParamsSchema = idParamsSchema('1');

export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.string().meta({ example: 'import' }),
    state: z.enum(JOB_STATES),
    /** Kind-specific counters; an import reports bytesRead, bytesTotal, tracesImported, graphletsFound. */
    progress: z.record(z.string(), z.union([z.number(), z.string()])),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
    result: z.unknown().optional(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof JobSchema>;
