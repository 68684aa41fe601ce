/** Background jobs (imports now, training later): state, progress and live events. */
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse } from './error.ts';

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JobIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: '1' }),
});

export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ example: 'import' }),
    state: z.enum(JOB_STATES),
    /** Kind-specific counters; an import reports bytesRead, bytesTotal, tracesImported, graphletsFound. */
    progress: z.record(z.string(), z.union([z.number(), z.string()])),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
    result: z.unknown().optional(),
  })
  .openapi('Job');
export type Job = z.infer<typeof JobSchema>;

export const getJobRoute = createRoute({
  method: 'get',
  path: '/jobs/{id}',
  tags: ['jobs'],
  summary: 'One job: its state, progress and error',
  request: { params: JobIdParamsSchema },
  responses: {
    200: { description: 'The job', content: { 'application/json': { schema: JobSchema } } },
    404: errorResponse('No such job'),
  },
});

export const jobEventsRoute = createRoute({
  method: 'get',
  path: '/jobs/{id}/events',
  tags: ['jobs'],
  summary:
    'Server-sent events: the job document (event "job") on every change until done or failed',
  request: { params: JobIdParamsSchema },
  responses: {
    200: {
      description: "An event stream; each event's data is a Job document",
      content: { 'text/event-stream': { schema: z.string() } },
    },
    404: errorResponse('No such job'),
  },
});
