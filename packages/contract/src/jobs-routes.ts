/** Route definitions (OpenAPI) of jobs.ts's endpoints; only the server imports them. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorResponse } from './error.ts';
import { JobIdParamsSchema, JobSchema } from './jobs.ts';
import { jsonResponse } from './json-content.ts';

export const getJobRoute = createRoute({
  method: 'get',
  path: '/jobs/{id}',
  tags: ['jobs'],
  summary: 'One job: its state, progress and error',
  request: { params: JobIdParamsSchema },
  responses: {
    200: jsonResponse('The job', JobSchema),
    404: errorResponse('No such job'),
  },
});

export const cancelJobRoute = createRoute({
  method: 'delete',
  path: '/jobs/{id}',
  tags: ['jobs'],
  summary: 'Cancel a queued or running job: it ends canceled and writes nothing',
  request: { params: JobIdParamsSchema },
  responses: {
    200: jsonResponse('The job, canceled (or already finished: then unchanged)', JobSchema),
    404: errorResponse('No such job'),
  },
});

export const jobEventsRoute = createRoute({
  method: 'get',
  path: '/jobs/{id}/events',
  tags: ['jobs'],
  summary:
    'Server-sent events: the job document (event "job") on every change until done, failed or canceled',
  request: { params: JobIdParamsSchema },
  responses: {
    200: {
      description: "An event stream; each event's data is a Job document",
      content: { 'text/event-stream': { schema: z.string() } },
    },
    404: errorResponse('No such job'),
  },
});
