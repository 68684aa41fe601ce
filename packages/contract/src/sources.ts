/** Sources: uploaded files (MLMD stores or JSON traces), each imported into traces. */
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse } from './error.ts';
import { JobSchema } from './jobs.ts';

export const SOURCE_KINDS = ['mlmd', 'json'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SourceSchema = z
  .object({
    /** The first 16 hex digits of the file's sha256: the same file always has the same id. */
    id: z.string().openapi({ example: '3f2a9c0d41b7e655' }),
    name: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    kind: z.enum(SOURCE_KINDS),
    /** MLMD schema version of the store, when the reader reports it. */
    schemaVersion: z.number().int().nullable(),
    /** ISO 8601 time of the import. */
    created: z.string(),
    traces: z.number().int(),
  })
  .openapi('Source');
export type Source = z.infer<typeof SourceSchema>;

export const SourceListSchema = z.object({ sources: z.array(SourceSchema) }).openapi('SourceList');
export type SourceList = z.infer<typeof SourceListSchema>;

export const UploadResponseSchema = z
  .object({
    source: z.object({ id: z.string() }),
    /** The import job; null when the file was imported before and that job is gone. */
    job: JobSchema.nullable(),
  })
  .openapi('UploadResponse');
export type UploadResponse = z.infer<typeof UploadResponseSchema>;

export const SourceIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const listSourcesRoute = createRoute({
  method: 'get',
  path: '/sources',
  tags: ['sources'],
  summary: 'Every imported source, oldest first',
  responses: {
    200: {
      description: 'The sources',
      content: { 'application/json': { schema: SourceListSchema } },
    },
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
          schema: z.object({ file: z.string().openapi({ type: 'string', format: 'binary' }) }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The same file was imported (or is being imported) before: its source',
      content: { 'application/json': { schema: UploadResponseSchema } },
    },
    202: {
      description: 'Import started; follow the job',
      content: { 'application/json': { schema: UploadResponseSchema } },
    },
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
