/**
 * The `sync` job: reads a connection's store on its worker thread and writes each pipeline's trace
 * as it arrives (one transaction each, replacing the pipeline's stored trace), then records the
 * watermark. A sync that stops part way keeps what it wrote and leaves the old watermark, so the
 * next one reads the same changes again and replaces the same traces: nothing lost or doubled.
 */
import { type JobContext, JobError, type JobQueue } from '../jobs/job-queue.ts';
import { openSecret, SecretError } from '../secrets/secret-box.ts';
import type { SecretsKey } from '../secrets/secrets-key.ts';
import { toCoreOverrides } from '../store/role-override-rows.ts';
import type { Store } from '../store/store.ts';
import { storedLocation } from './connection-location.ts';
import type { SyncWorker } from './sync-worker.ts';

export const SYNC_JOB = 'sync';

/** Failure codes of a store that may come back: the connection is retried with backoff. */
export const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'unreachable',
  'auth_failed',
  'no_database',
  'not_found',
  'interrupted',
]);

/** What the sync job needs from the process it runs in (the API's, or a worker process). */
export interface SyncDeps {
  readonly store: Store;
  /** Drops corpus-derived cached answers (this process's, and through Redis every API's). */
  readonly invalidate: () => void;
  /** Announces traces a sync added or rebuilt to open pages. */
  readonly changed: (sourceId: string, traces: readonly string[]) => void;
  /** The key that opens stored passwords. */
  readonly secrets: SecretsKey;
  /** The password of a connection kept in this process's memory (not stored), if any. */
  readonly password: (id: string) => string | null;
  /** The connection's sync worker (kept between syncs). */
  readonly worker: (id: string) => SyncWorker;
  /** Announces the connection's new state. */
  readonly announce: (id: string) => Promise<void>;
}

/** How often, at most, a long sync makes its new traces visible (cache dropped, pages told). */
const PUBLISH_MS = 1000;

/** Registers the sync job kind. */
export function registerSyncJob(jobs: JobQueue, deps: SyncDeps): void {
  jobs.register<{ connectionId: string }>(SYNC_JOB, (input, context) =>
    runSync(deps, input.connectionId, context),
  );
}

async function runSync(deps: SyncDeps, id: string, context: JobContext): Promise<unknown> {
  const { store } = deps;
  const connection = await store.getConnection(id);
  if (connection === undefined) throw new JobError('not_found', `sync: no connection "${id}"`);
  const label = connection.doc.location;
  let password: string | null;
  try {
    password =
      connection.secret === null
        ? deps.password(id)
        : openSecret(deps.secrets.get(), connection.secret);
  } catch (error) {
    if (!(error instanceof SecretError)) throw error;
    const reason = `${label}: ${error.message}`;
    if (await store.setConnectionState(id, 'failed', reason)) await deps.announce(id);
    throw new JobError(error.code, `sync: ${reason}`);
  }
  await store.setConnectionState(id, 'syncing', connection.doc.reason, context.id);
  await deps.announce(id);
  const full = connection.watermark === null;
  const location = storedLocation(connection.doc.kind, label, password);
  let pending: string[] = [];
  const written = new Set<string>();
  let lastPublished = Date.now();
  const publish = async () => {
    await store.clearResults();
    deps.invalidate();
    deps.changed(id, pending);
    pending = [];
    lastPublished = Date.now();
  };
  context.progress({ full: full ? 1 : 0, tracesImported: 0, tracesTotal: 0, graphletsFound: 0 });
  let graphlets = 0;
  // Traces extended in place from the changes (the rest of `written` were read whole).
  let extended = 0;
  const outcome = await deps.worker(id).run(
    {
      location,
      watermark: connection.watermark,
      roleOverrides: toCoreOverrides(await store.listRoleOverrides(id)),
    },
    context,
    {
      onOpened: (_version, pipelines) => context.progress({ tracesTotal: pipelines }),
      onTrace: async (trace, update) => {
        const traceId = await store.replaceConnectionTrace(id, trace, update);
        if (traceId === undefined) {
          throw new JobError('not_found', `sync: the connection "${id}" was removed`);
        }
        written.add(traceId);
        if (update !== undefined) extended++;
        pending.push(traceId);
        graphlets += trace.graphlets.length;
        context.progress({ tracesImported: written.size, graphletsFound: graphlets });
        if (Date.now() - lastPublished >= PUBLISH_MS) await publish();
      },
      storedPayload: (pipeline) => store.getPipelinePayload(id, pipeline),
    },
  );
  if (!outcome.ok && (await store.getConnection(id)) === undefined) {
    if (pending.length > 0) await publish();
    throw new JobError('not_found', `sync: the connection "${id}" was removed`);
  }
  if (!outcome.ok) {
    const reason = `${label}: ${outcome.problem}`;
    const state = TRANSIENT_CODES.has(outcome.code) ? 'unreachable' : 'failed';
    if (pending.length > 0) await publish();
    if (await store.setConnectionState(id, state, reason)) await deps.announce(id);
    throw new JobError(outcome.code, `sync: ${reason}`);
  }
  await store.finishSync(
    id,
    outcome.watermark,
    outcome.schemaVersion ?? connection.doc.schemaVersion ?? 0,
  );
  await publish();
  await deps.announce(id);
  // A first sync of a large store writes thousands of traces: the result names them only when few.
  return {
    connectionId: id,
    full,
    traces: written.size,
    extended,
    ...(written.size <= 1000 ? { traceIds: [...written] } : {}),
    changes: outcome.changes,
  };
}
