/**
 * Connections as the routes use them: create (probe the store, refuse what cannot be read),
 * list, remove, sync now. A password the user asks to store is sealed (AES-256-GCM, the
 * deployment's key) before it reaches the store; one not to store lives only in this object's
 * memory, so with a job queue (syncs on worker processes) it is refused. None is ever answered
 * or logged, nor put in a queued job.
 */
import { randomBytes } from 'node:crypto';
import {
  type Connection,
  type CreateConnection,
  DEFAULT_POLL_SECONDS,
  type Job,
} from '@graphlet/contract';
import { FormatError, openMlmdStore } from '@graphlet/formats';
import type { ServerCache } from '../cache/server-cache.ts';
import type { CorpusEvents } from '../events/corpus-events.ts';
import { apiError } from '../http/api-error.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { sealSecret } from '../secrets/secret-box.ts';
import type { SecretsKey } from '../secrets/secrets-key.ts';
import type { Store } from '../store/store.ts';
import { requestedLocation } from './connection-location.ts';
import { ConnectionWatcher } from './connection-watcher.ts';
import { TRANSIENT_CODES } from './sync-connection.ts';
import { registerSyncJob } from './sync-job.ts';
import { SyncWorkers } from './sync-workers.ts';

/** What the connection service is built on. */
export interface ConnectionServiceDeps {
  readonly store: Store;
  readonly jobs: JobQueue;
  readonly cache: ServerCache;
  readonly events: CorpusEvents;
  readonly retryMs: number;
  readonly secrets: SecretsKey;
  /** Syncs run on worker processes (REDIS_URL): this process's memory does not reach them. */
  readonly queued: boolean;
}

/** Connected stores: their rows, in-memory passwords and the watcher that syncs them. */
export class ConnectionService {
  private readonly store: Store;
  private readonly cache: ServerCache;
  private readonly events: CorpusEvents;
  private readonly secrets: SecretsKey;
  private readonly queued: boolean;
  private readonly passwords = new Map<string, string>();
  private readonly workers = new SyncWorkers();
  private readonly watcher: ConnectionWatcher;

  constructor(deps: ConnectionServiceDeps) {
    this.store = deps.store;
    this.cache = deps.cache;
    this.events = deps.events;
    this.secrets = deps.secrets;
    this.queued = deps.queued;
    this.watcher = new ConnectionWatcher(deps.store, deps.jobs, deps.retryMs);
    registerSyncJob(deps.jobs, {
      store: deps.store,
      invalidate: () => deps.cache.invalidateCorpus(),
      changed: (sourceId, traces) => deps.events.changed(sourceId, traces),
      secrets: deps.secrets,
      password: (id) => this.passwords.get(id) ?? null,
      worker: (id) => this.workers.of(id),
      announce: (id) => this.announce(id),
    });
  }

  /** Sends the connection's current document to open pages. */
  async announce(id: string): Promise<void> {
    const connection = await this.get(id);
    if (connection !== undefined) this.events.publish({ type: 'connection', connection });
  }

  /** Starts watching the stored connections. */
  start(): Promise<void> {
    return this.watcher.start();
  }

  /** Every connection with its state. */
  async list(): Promise<Connection[]> {
    return (await this.store.listConnections()).map((c) => this.watcher.describe(c));
  }

  /** One connection, or undefined. */
  async get(id: string): Promise<Connection | undefined> {
    const stored = await this.store.getConnection(id);
    return stored === undefined ? undefined : this.watcher.describe(stored);
  }

  /** Probes the store (422 naming why it cannot be read), stores the connection, starts its first sync. */
  async create(body: CreateConnection): Promise<{ connection: Connection; job: Job }> {
    const requested = requestedLocation(body);
    let schemaVersion: number;
    try {
      const store = await openMlmdStore(requested.location);
      schemaVersion = store.schemaVersion;
      await store.close();
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      const transient = TRANSIENT_CODES.has(error.code);
      throw apiError(
        422,
        transient ? 'unreachable' : 'unsupported_store',
        `connections: ${requested.stored}: ${error.problem}`,
      );
    }
    const keep = body.storeCredentials === true ? requested.urlPassword : null;
    if (keep === null && requested.urlPassword !== null && this.queued)
      throw apiError(
        400,
        'bad_request',
        "connections: syncs run on worker processes (REDIS_URL), which cannot read a password kept in this process's memory: store it (storeCredentials, sealed with SECRETS_KEY) or give the workers MLMD_PASSWORD / PGPASSWORD and leave it out of the URL",
      );
    const key = keep === null ? undefined : this.secrets.forSealing();
    if (keep !== null && key === undefined)
      throw apiError(
        400,
        'bad_request',
        'connections: storing a password on PostgreSQL needs SECRETS_KEY or SECRETS_KEY_FILE (the same key on every API and worker process)',
      );
    const id = randomBytes(8).toString('hex');
    await this.store.insertConnection({
      id,
      name: body.name,
      kind: body.kind,
      location: requested.stored,
      secret: keep === null ? null : sealSecret(key!, keep),
      pollSeconds: body.pollSeconds ?? DEFAULT_POLL_SECONDS,
      schemaVersion,
    });
    if (keep === null && requested.urlPassword !== null)
      this.passwords.set(id, requested.urlPassword);
    this.cache.invalidateCorpus();
    const job = await this.watcher.syncNow(id);
    return { connection: (await this.get(id))!, job };
  }

  /** Removes the connection with its source and traces; false if absent. */
  async remove(id: string): Promise<boolean> {
    if ((await this.store.getConnection(id)) === undefined) return false;
    this.watcher.forget(id);
    this.passwords.delete(id);
    this.workers.close(id);
    await this.store.deleteSource(id);
    this.cache.invalidateCorpus();
    return true;
  }

  /** Starts a sync now (or answers the running one); undefined for an unknown connection. */
  async syncNow(id: string): Promise<Job | undefined> {
    if ((await this.store.getConnection(id)) === undefined) return undefined;
    return this.watcher.syncNow(id);
  }

  /** Stops the timers. */
  close(): void {
    this.watcher.close();
  }

  /** Terminates the sync workers (after the job runner stopped the syncs). */
  closeWorkers(): void {
    this.workers.closeAll();
  }
}
