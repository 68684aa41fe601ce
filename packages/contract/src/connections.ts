/**
 * Connections: a team's live MLMD store (MySQL/MariaDB, PostgreSQL, or an SQLite file on the
 * server read in place) kept in sync as a source. Credentials are never part of an answer.
 */
import { z } from 'zod';
import { idParamsSchema } from './id-params.ts';
import { JobSchema } from './jobs.ts';

export const CONNECTION_KINDS = ['mysql', 'postgres', 'sqlite'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

/** Seconds between polls when none is asked for. */
export const DEFAULT_POLL_SECONDS = 60;

export const CreateConnectionSchema = z
  .object({
    kind: z.enum(CONNECTION_KINDS),
    /** A mysql:// or postgres:// URL (kinds mysql, postgres); a password in it is a credential. */
    url: z.string().min(1).optional(),
    /** A path on the server (kind sqlite): the file is read in place, never copied. */
    path: z.string().min(1).optional(),
    name: z.string().trim().min(1).max(200),
    pollSeconds: z.number().int().min(1).max(86_400).optional(),
    /** Keep the URL's password in the server's store (otherwise only in memory, or from the environment). */
    storeCredentials: z.boolean().optional(),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'sqlite') {
      if (body.path === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['path'],
          message: 'a sqlite connection needs a path',
        });
      if (body.url !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['url'],
          message: 'a sqlite connection takes a path, not a url',
        });
    } else {
      if (body.url === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['url'],
          message: `a ${body.kind} connection needs a url`,
        });
      if (body.path !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['path'],
          message: `a ${body.kind} connection takes a url, not a path`,
        });
    }
  })
  .meta({ id: 'CreateConnection' });
export type CreateConnection = z.infer<typeof CreateConnectionSchema>;

export const CONNECTION_STATES = ['syncing', 'ready', 'unreachable', 'failed'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export const ConnectionSchema = z
  .object({
    /** Also the id of the source its traces belong to. */
    id: z.string(),
    name: z.string(),
    kind: z.enum(CONNECTION_KINDS),
    /** The URL without any password, or the path. */
    location: z.string(),
    pollSeconds: z.number().int(),
    /** True when a password is kept in the server's store. */
    storedCredentials: z.boolean(),
    /** syncing; ready (up to date at `synced`); unreachable (retrying, see `reason`); failed (not retried). */
    state: z.enum(CONNECTION_STATES),
    reason: z.string().nullable(),
    /** ISO 8601 time of the last sync that finished. */
    synced: z.string().nullable(),
    /** ISO 8601 time of the next scheduled sync, if any. */
    nextSync: z.string().nullable(),
    schemaVersion: z.number().int().nullable(),
    traces: z.number().int(),
    /** The running or last sync job's id. */
    jobId: z.string().nullable(),
    created: z.string(),
  })
  .meta({ id: 'Connection' });
export type Connection = z.infer<typeof ConnectionSchema>;

export const ConnectionListSchema = z
  .object({ connections: z.array(ConnectionSchema) })
  .meta({ id: 'ConnectionList' });
export type ConnectionList = z.infer<typeof ConnectionListSchema>;

export const ConnectionCreatedSchema = z
  .object({ connection: ConnectionSchema, job: JobSchema.nullable() })
  .meta({ id: 'ConnectionCreated' });
export type ConnectionCreated = z.infer<typeof ConnectionCreatedSchema>;

export const ConnectionIdParamsSchema = idParamsSchema();

/** An event of /api/jobs/events: which traces of a source changed (sync, live lineage). */
export const CorpusChangeSchema = z
  .object({
    sourceId: z.string(),
    /** Ids of the traces added or rebuilt. */
    traces: z.array(z.string()),
  })
  .meta({ id: 'CorpusChange' });
export type CorpusChange = z.infer<typeof CorpusChangeSchema>;
