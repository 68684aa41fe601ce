/**
 * Connections as the routes use them: create (probe the store, refuse what cannot be read),
 * list, remove, sync now. Passwords the user did not ask to store live only in this object's
 * memory; none is ever answered or logged.
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
import type { Store } from '../store/store.ts';
import { requestedLocation } from './connection-location.ts';
import { ConnectionWatcher } from './connection-watcher.ts';
import { registerSyncJob, TRANSIENT_CODES } from './sync-job.ts';
import { SyncWorker } from './sync-worker.ts';

/** Connected stores: their rows, in-memory passwords and the watcher that syncs them. */
export class ConnectionService {
  private readonly store: Store;
  private readonly cache: ServerCache;
  private readonly passwords = new Map<string, string>();
  private readonly workers = new Map<string, SyncWorker>();
  private readonly watcher: ConnectionWatcher;

  constructor(
    store: Store,
    jobs: JobQueue,
    cache: ServerCache,
    events: CorpusEvents,
    retryMs: number,
  ) {
    this.store = store;
    this.cache = cache;
    this.watcher = new ConnectionWatcher(store, jobs, retryMs);
    registerSyncJob(jobs, {
      store,
      cache,
      events,
      password: (id) => this.passwords.get(id) ?? null,
      worker: (id) => {
        let worker = this.workers.get(id);
        if (worker === undefined) {
          worker = new SyncWorker();
          this.workers.set(id, worker);
        }
        return worker;
      },
      announce: async (id) => {
        const connection = await this.get(id);
        if (connection !== undefined) events.publish({ type: 'connection', connection });
      },
    });
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
    const id = randomBytes(8).toString('hex');
    const keep = body.storeCredentials === true ? requested.urlPassword : null;
    await this.store.insertConnection({
      id,
      name: body.name,
      kind: body.kind,
      location: requested.stored,
      secret: keep,
      pollSeconds: body.pollSeconds ?? DEFAULT_POLL_SECONDS,
      schemaVersion,
    });
    if (keep === null && requested.urlPassword !== null)
      this.passwords.set(id, requested.urlPassword);
    this.cache.invalidateCorpus();
    const job = this.watcher.syncNow(id);
    return { connection: (await this.get(id))!, job };
  }

  /** Removes the connection with its source and traces; false if absent. */
  async remove(id: string): Promise<boolean> {
    if ((await this.store.getConnection(id)) === undefined) return false;
    this.watcher.forget(id);
    this.passwords.delete(id);
    this.workers.get(id)?.close();
    this.workers.delete(id);
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
    for (const worker of this.workers.values()) worker.close();
    this.workers.clear();
  }
}
