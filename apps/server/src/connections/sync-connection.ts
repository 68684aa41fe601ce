/**
 * What every part of a sync needs: the process's services (SyncDeps), the connection opened
 * (its password unsealed), its failure recorded on the connection, and the job's result.
 */
import type { StoreLocation } from '@graphlet/formats';
import { JobError } from '../jobs/job-queue.ts';
import { openSecret, SecretError } from '../secrets/secret-box.ts';
import type { SecretsKey } from '../secrets/secrets-key.ts';
import type { StoredConnection } from '../store/connection-rows.ts';
import { toCoreOverrides } from '../store/role-override-rows.ts';
import type { Store } from '../store/store.ts';
import { storedLocation } from './connection-location.ts';
import type { SyncCounts } from './sync-messages.ts';
import type { SyncWorker } from './sync-worker.ts';

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
  /**
   * Computes and caches the corpus statistics (a worker process, after a first sync fanned out:
   * the fan-in, as an import's), so the Figures page is warm when the sync is done.
   */
  readonly warmStatistics?: () => Promise<void>;
}

/** A sync job's input: the connection's id (never its password). */
export interface SyncInput {
  readonly connectionId: string;
}

/** A connection ready to read: its row, its label and its store's location with the password. */
export interface OpenedConnection {
  readonly connection: StoredConnection;
  readonly label: string;
  readonly location: StoreLocation;
}

/**
 * The connection and where its store is (its password opened); a JobError when it cannot be,
 * recorded on the connection when its password cannot be opened.
 */
export async function openConnection(deps: SyncDeps, id: string): Promise<OpenedConnection> {
  const connection = await deps.store.getConnection(id);
  if (connection === undefined) throw new JobError('not_found', `sync: no connection "${id}"`);
  const label = connection.doc.location;
  try {
    const password =
      connection.secret === null
        ? deps.password(id)
        : openSecret(deps.secrets.get(), connection.secret);
    return { connection, label, location: storedLocation(connection.doc.kind, label, password) };
  } catch (error) {
    if (!(error instanceof SecretError)) throw error;
    const failure = new JobError(error.code, `sync: ${label}: ${error.message}`);
    await failConnection(deps, id, failure);
    throw failure;
  }
}

/**
 * Records why a sync stopped on its connection: `unreachable` (retried with backoff) for a
 * store that may come back, else `failed`; `error.message` is the job's (`sync: <reason>`).
 */
export async function failConnection(
  deps: SyncDeps,
  id: string,
  error: { readonly code: string; readonly message: string },
): Promise<void> {
  const state = TRANSIENT_CODES.has(error.code) ? 'unreachable' : 'failed';
  const reason = error.message.replace(/^sync: /, '');
  if (await deps.store.setConnectionState(id, state, reason)) await deps.announce(id);
}

/** The roles the connection's user set, as the reader applies them. */
export async function roleOverridesOf(deps: SyncDeps, id: string) {
  return toCoreOverrides(await deps.store.listRoleOverrides(id));
}

/** A sync's result: what it wrote (the ids only when few: a first sync may write thousands). */
export function syncResult(
  id: string,
  full: boolean,
  written: readonly string[],
  extended: number,
  changes: SyncCounts,
) {
  return {
    connectionId: id,
    full,
    traces: written.length,
    extended,
    ...(written.length <= 1000 ? { traceIds: [...written] } : {}),
    changes,
  };
}
