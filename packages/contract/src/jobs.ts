/** Background jobs (imports now, training later): state, progress and live events. */
import { z } from 'zod';
import { idParamsSchema } from './id-params.ts';

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

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
