/** Sources: uploaded files (MLMD stores or JSON traces), each imported into traces. */
import { z } from 'zod';
import { CONNECTION_KINDS } from './connections.ts';
import { idParamsSchema } from './id-params.ts';
import { JobSchema } from './jobs.ts';

export const SOURCE_KINDS = ['mlmd', 'json'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SourceSchema = z
  .object({
    /** The first 16 hex digits of the file's sha256: the same file always has the same id. */
    id: z.string().meta({ example: '3f2a9c0d41b7e655' }),
    name: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    kind: z.enum(SOURCE_KINDS),
    /** MLMD schema version of the store, when the reader reports it. */
    schemaVersion: z.number().int().nullable(),
    /** ISO 8601 time of the import. */
    created: z.string(),
    traces: z.number().int(),
    /** Which JSON format a JSON source holds (the project's trace document, OpenLineage, PROV-JSON, a KFP run). */
    format: z.enum(['trace', 'openlineage', 'prov', 'kfp']).optional(),
    /** True for the source OpenLineage events build as they arrive at /api/v1/lineage. */
    live: z.boolean().optional(),
    /** The kind of store, for a source kept in sync with a connected store (/api/connections). */
    connection: z.enum(CONNECTION_KINDS).optional(),
  })
  .meta({ id: 'Source' });
export type Source = z.infer<typeof SourceSchema>;

export const SourceListSchema = z
  .object({ sources: z.array(SourceSchema) })
  .meta({ id: 'SourceList' });
export type SourceList = z.infer<typeof SourceListSchema>;

export const UploadResponseSchema = z
  .object({
    source: z.object({ id: z.string() }),
    /** The import job; null when the file was imported before and that job is gone. */
    job: JobSchema.nullable(),
  })
  .meta({ id: 'UploadResponse' });
export type UploadResponse = z.infer<typeof UploadResponseSchema>;

export const SourceIdParamsSchema = idParamsSchema();
