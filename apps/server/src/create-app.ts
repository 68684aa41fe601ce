/** Builds the server: store, jobs, importer and the Hono app of API sub-apps plus the web app. */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { shareCorpusInvalidations } from './cache/corpus-channel.ts';
import { ServerCache } from './cache/server-cache.ts';
import { watchStoreChanges } from './cache/store-changes.ts';
import { type Config, type ConfigInput, ConfigSchema } from './config.ts';
import { ConnectionService } from './connections/connection-service.ts';
import { relayCorpusEvents } from './events/corpus-event-channel.ts';
import { CorpusEvents } from './events/corpus-events.ts';
import { handleError, handleNotFound } from './http/api-error.ts';
import { requireBearerToken } from './http/bearer-token.ts';
import { jsonBodyLimit } from './http/json-body-limit.ts';
import { requestGuard } from './http/request-guard.ts';
import { securityHeaders } from './http/security-headers.ts';
import { webAppRoutes } from './http/web-app.ts';
import { loadDemoCorpus } from './import/demo-corpus.ts';
import { Importer } from './import/importer.ts';
import { BullJobs } from './jobs/bull-jobs.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { TaskPool } from './offload/task-pool.ts';
import { connectionRoutes } from './routes/connections.ts';
import { graphletRoutes } from './routes/graphlets.ts';
import { healthRoutes } from './routes/health.ts';
import { jobRoutes } from './routes/jobs.ts';
import { lineageRoutes } from './routes/lineage.ts';
import { roleOverrideRoutes } from './routes/role-overrides.ts';
import { searchRoutes } from './routes/search.ts';
import { sourceRoutes } from './routes/sources.ts';
import { statsRoutes } from './routes/stats.ts';
import { traceRoutes } from './routes/traces.ts';
import { wasteRoutes } from './routes/waste.ts';
import { SecretsKey } from './secrets/secrets-key.ts';
import type { Services } from './services.ts';
import { lockDataDir } from './store/data-dir-lock.ts';
import { JobIdSequence } from './store/job-id-sequence.ts';
import { openServerStore } from './store/open-server-store.ts';
import { isPostgresUrl } from './store/open-store.ts';
import { registerWasteTrainJob } from './waste/train-waste-job.ts';
import { WasteModels } from './waste/waste-models.ts';

export interface Server {
  readonly app: OpenAPIHono;
  readonly config: Config;
  /** The in-memory cache (its stats show hits, loads and bytes held). */
  readonly cache: ServerCache;
  /** The task workers (statistics, layouts); counts the tasks they ran. */
  readonly tasks: TaskPool;
  /** Settles once the store is open (PostgreSQL: migrated); rejects naming why it cannot open. */
  readonly ready: Promise<void>;
  /** Settles once the demo corpus is imported or skipped (its import job id, or null). */
  readonly demo: Promise<string | null>;
  /** Cancels running jobs (their imports leave nothing behind) and closes the store. */
  close(): Promise<void>;
}

/** Creates the server for a configuration (defaults filled in); no socket is opened. */
export function createApp(input: ConfigInput = {}): Server {
  const config = ConfigSchema.parse(input);
  // With a queue, several API processes share the data folder: none clears it or fails its jobs.
  const lock = config.redisUrl === undefined ? lockDataDir(config.dataDir) : { release: () => {} };
  // With a queue, jobs (and the uploads they read) outlive this process: workers finish them.
  const interrupted =
    config.redisUrl === undefined
      ? 'jobs: the server stopped during the job; start it again'
      : undefined;
  let opened: ReturnType<typeof openServerStore>;
  try {
    opened = openServerStore(config, interrupted);
  } catch (error) {
    lock.release();
    throw error;
  }
  const { store, location: storeLocation, jobRows, ready } = opened;
  const tmpDir = join(config.dataDir, 'tmp');
  if (config.redisUrl === undefined) rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  const tasks = new TaskPool();
  // Several API processes on one SQLite store take job ids from its sequence (PostgreSQL's rows do).
  const sqliteShared = config.redisUrl !== undefined && !isPostgresUrl(storeLocation);
  const jobIds = sqliteShared ? new JobIdSequence(storeLocation) : undefined;
  const storeChanges = sqliteShared ? watchStoreChanges(storeLocation) : undefined;
  const jobs: JobQueue =
    config.redisUrl === undefined
      ? new JobRunner(jobRows, { queueLimit: config.jobQueueLimit })
      : new BullJobs(jobRows, {
          redisUrl: config.redisUrl,
          prefix: config.queuePrefix,
          role: 'api',
          queueLimit: config.jobQueueLimit,
          // PostgreSQL's job rows take ids from the jobs table's sequence themselves.
          ...(jobIds === undefined ? {} : { allocateId: (kind: string) => jobIds.next(kind) }),
        });
  const cache = new ServerCache(config.cacheBytes);
  const shared =
    config.redisUrl === undefined
      ? undefined
      : shareCorpusInvalidations(cache, config.redisUrl, config.queuePrefix);
  const events = new CorpusEvents();
  const services: Services = {
    config,
    store,
    storeLocation,
    tasks,
    jobs,
    importer: new Importer(store, storeLocation, jobs, () => cache.invalidateCorpus()),
    cache,
    tmpDir,
    waste: new WasteModels(store, cache),
    connections: new ConnectionService({
      store,
      jobs,
      cache,
      events,
      retryMs: config.connectionRetryMs,
      secrets: new SecretsKey(config),
      queued: config.redisUrl !== undefined,
    }),
    events,
  };
  // With a queue, syncs run on worker processes: what they write reaches this process's pages.
  const relay =
    config.redisUrl === undefined
      ? undefined
      : relayCorpusEvents(config.redisUrl, config.queuePrefix, events, (id) =>
          services.connections.announce(id),
        );
  registerWasteTrainJob(jobs, store, storeLocation, tasks);

  const api = new OpenAPIHono();
  api.route('/', healthRoutes(services));
  api.route('/', sourceRoutes(services));
  api.route('/', jobRoutes(services));
  api.route('/', traceRoutes(services));
  api.route('/', searchRoutes(services));
  api.route('/', graphletRoutes(services));
  api.route('/', statsRoutes(services));
  api.route('/', wasteRoutes(services));
  api.route('/', roleOverrideRoutes(services));
  api.route('/', lineageRoutes(services));
  api.route('/', connectionRoutes(services));

  const app = new OpenAPIHono();
  app.onError((err, c) => handleError(err, c, config.dataDir));
  app.notFound(handleNotFound);
  app.use('*', securityHeaders());
  app.use('*', requestGuard({ host: config.host, allowedHosts: config.allowedHosts }));
  // Until the store is open (PostgreSQL migrates asynchronously) API calls wait; health does not.
  app.use('/api/*', async (c, next) => {
    if (c.req.path !== '/api/health') await ready;
    await next();
  });
  app.use('/api/*', jsonBodyLimit(config.maxJsonBytes));
  if (storeChanges !== undefined) app.use('/api/*', storeChanges.middleware(cache));
  if (shared !== undefined) app.use('/api/*', shared.middleware);
  if (config.apiToken !== undefined) {
    app.use('/api/*', requireBearerToken(config.apiToken, ['/api/health']));
  }
  app.route('/api', api);
  app.doc('/api/openapi.json', {
    openapi: '3.0.0',
    info: {
      title: 'Graphlet Explorer API',
      version: '1',
      description: 'MLMD provenance as model graphlets (Xin et al., SIGMOD 2021)',
    },
  });
  app.route('/', webAppRoutes(config.webDir));

  ready.then(() => services.connections.start()).catch(() => {});
  const demo = config.demo ? ready.then(() => loadDemoCorpus(services)) : Promise.resolve(null);
  let closing: Promise<void> | undefined;
  return {
    app,
    config,
    ready,
    cache,
    tasks,
    demo,
    close: () => {
      closing ??= (async () => {
        await demo.catch(() => null);
        services.connections.close();
        await jobs.close();
        services.connections.closeWorkers();
        await services.importer.close();
        await tasks.close();
        await opened.close();
        jobIds?.close();
        storeChanges?.close();
        shared?.close();
        relay?.close();
        lock.release();
      })();
      return closing;
    },
  };
}
