/** Route definitions (OpenAPI) of connections.ts's endpoints; only the server imports them. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  ConnectionCreatedSchema,
  ConnectionIdParamsSchema,
  ConnectionListSchema,
  CreateConnectionSchema,
} from './connections.ts';
import { errorResponse } from './error.ts';
import { JobSchema } from './jobs.ts';
import { jsonContent, jsonResponse } from './json-content.ts';

export const listConnectionsRoute = createRoute({
  method: 'get',
  path: '/connections',
  tags: ['connections'],
  summary: 'Every connected store with its sync state (never its credentials)',
  responses: { 200: jsonResponse('The connections', ConnectionListSchema) },
});

export const createConnectionRoute = createRoute({
  method: 'post',
  path: '/connections',
  tags: ['connections'],
  summary: 'Connect an MLMD store (MySQL, PostgreSQL, or an SQLite path on the server) and sync it',
  request: { body: { required: true, content: jsonContent(CreateConnectionSchema) } },
  responses: {
    202: jsonResponse('Connected; the first sync runs as a job', ConnectionCreatedSchema),
    400: errorResponse('Not a valid connection request'),
    422: errorResponse(
      'The store cannot be read (unreachable, refused, not MLMD, unknown schema version)',
    ),
  },
});

export const deleteConnectionRoute = createRoute({
  method: 'delete',
  path: '/connections/{id}',
  tags: ['connections'],
  summary: 'Stop syncing and remove the connection with its source and traces',
  request: { params: ConnectionIdParamsSchema },
  responses: { 204: { description: 'Removed' }, 404: errorResponse('No such connection') },
});

export const syncConnectionRoute = createRoute({
  method: 'post',
  path: '/connections/{id}/sync',
  tags: ['connections'],
  summary: 'Sync now (or the sync already running): reads only what changed since the last one',
  request: { params: ConnectionIdParamsSchema },
  responses: {
    202: jsonResponse('The sync job', z.object({ job: JobSchema })),
    404: errorResponse('No such connection'),
  },
});

export const corpusEventsRoute = createRoute({
  method: 'get',
  path: '/jobs/events',
  tags: ['jobs'],
  summary:
    'Server-sent events of every job ("job"), corpus change ("change": traces added or rebuilt) and connection state ("connection")',
  responses: {
    200: {
      description: 'An event stream that stays open',
      content: { 'text/event-stream': { schema: z.string() } },
    },
  },
});
