/**
 * A worker process's services (REDIS_URL deployments): the configured store (the SQLite file in
 * the shared DATA_DIR, or PostgreSQL at DATABASE_URL) on its own connections, and the job kinds
 * registered on BullMQ queues, which it then consumes: imports, trainings and connection syncs
 * (a connection's stored password opened with the deployment's SECRETS_KEY).
 */
import type { Config } from './config.ts';
import { registerSyncJob } from './connections/sync-job.ts';
import { SyncWorkers } from './connections/sync-workers.ts';
import { publishCorpusEvents } from './events/corpus-event-channel.ts';
import { Importer } from './import/importer.ts';
import { BullJobs } from './jobs/bull-jobs.ts';
import { statsKey, unlessTracesChanged } from './offload/corpus-statistics.ts';
import { TaskPool } from './offload/task-pool.ts';
import { SecretsKey } from './secrets/secrets-key.ts';
import { openServerStore } from './store/open-server-store.ts';
import { registerWasteTrainJob } from './waste/train-waste-job.ts';

export interface JobWorker {
  /** Stops taking jobs, waits for the running ones, closes the store. */
  close(): Promise<void>;
}

/** Opens the store, then starts consuming the import, training and sync queues of `config.redisUrl`. */
export async function createWorker(config: Config, lockMs?: number): Promise<JobWorker> {
  if (config.redisUrl === undefined) throw new Error('worker: set REDIS_URL to the job queue');
  const opened = openServerStore(config);
  try {
    await opened.ready;
  } catch (error) {
    await opened.close();
    throw error;
  }
  const { store, location: storeLocation, jobRows: rows } = opened;
  const jobs = new BullJobs(rows, {
    redisUrl: config.redisUrl,
    prefix: config.queuePrefix,
    role: 'worker',
    ...(lockMs === undefined ? {} : { lockMs }),
  });
  const importer = new Importer(store, storeLocation, jobs, () => {}, {
    statsCacheBytes: config.statsCacheBytes,
  });
  const tasks = new TaskPool();
  registerWasteTrainJob(jobs, store, storeLocation, tasks);
  const published = publishCorpusEvents(config.redisUrl, config.queuePrefix);
  const syncWorkers = new SyncWorkers();
  registerSyncJob(jobs, {
    store,
    invalidate: () => published.invalidate(),
    changed: (sourceId, traces) => published.changed(sourceId, traces),
    secrets: new SecretsKey(config),
    // Passwords kept in an API process's memory never reach a worker (the API refuses them).
    password: () => null,
    worker: (id) => syncWorkers.of(id),
    announce: async (id) => published.connection(id),
    warmStatistics: () =>
      unlessTracesChanged(store, () =>
        tasks.run(statsKey(null), {
          task: 'stats',
          storeLocation,
          ids: null,
          key: statsKey(null),
          limitBytes: config.statsCacheBytes,
        }),
      ),
  });
  return {
    close: async () => {
      await jobs.close();
      syncWorkers.closeAll();
      published.close();
      await importer.close();
      await tasks.close();
      await opened.close();
    },
  };
}
