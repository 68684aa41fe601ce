/** Route definitions (OpenAPI) of sources.ts's endpoints; only the server imports them. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorResponse } from './error.ts';
import { jsonResponse } from './json-content.ts';
import { SourceIdParamsSchema, SourceListSchema, UploadResponseSchema } from './sources.ts';

export const listSourcesRoute = createRoute({
  method: 'get',
  path: '/sources',
  tags: ['sources'],
  summary: 'Every imported source, oldest first',
  responses: {
    200: jsonResponse('The sources', SourceListSchema),
  },
});

export const uploadSourceRoute = createRoute({
  method: 'post',
  path: '/sources',
  tags: ['sources'],
  summary:
    'Upload an MLMD SQLite store or a JSON trace file (multipart field "file"); imports in a job',
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.string().meta({ type: 'string', format: 'binary' }) }),
        },
      },
    },
  },
  responses: {
    200: jsonResponse(
      'The same file was imported (or is being imported) before: its source',
      UploadResponseSchema,
    ),
    202: jsonResponse('Import started; follow the job', UploadResponseSchema),
    429: errorResponse('The import queue is full; retry after the Retry-After header'),
    400: errorResponse('Not a multipart request with a "file" field'),
    413: errorResponse('The file is larger than MAX_UPLOAD_BYTES'),
    415: errorResponse('Neither an SQLite database nor JSON'),
    422: errorResponse('A truncated SQLite file'),
  },
});

export const deleteSourceRoute = createRoute({
  method: 'delete',
  path: '/sources/{id}',
  tags: ['sources'],
  summary: 'Remove a source with its traces, graphlets and cached results',
  request: { params: SourceIdParamsSchema },
  responses: {
    204: { description: 'Removed' },
    404: errorResponse('No such source'),
  },
});
