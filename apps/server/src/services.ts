/** What the route modules share: configuration, the store and the services built on it. */
import type { ServerCache } from './cache/server-cache.ts';
import type { Config } from './config.ts';
import type { ConnectionService } from './connections/connection-service.ts';
import type { CorpusEvents } from './events/corpus-events.ts';
import type { Importer } from './import/importer.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import type { TaskPool } from './offload/task-pool.ts';
import type { Store } from './store/store.ts';
import type { WasteModels } from './waste/waste-models.ts';

export interface Services {
  readonly config: Config;
  /** The store (SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL). */
  readonly store: Store;
  /** Where worker threads open their own store connection: the SQLite file or the PostgreSQL URL. */
  readonly storeLocation: string;
  /** Statistics and trace layouts computed on worker threads. */
  readonly tasks: TaskPool;
  readonly jobs: JobQueue;
  readonly importer: Importer;
  /** Every in-memory answer under one byte budget; `invalidateCorpus()` when sources change. */
  readonly cache: ServerCache;
  /** Where uploads are streamed before import. */
  readonly tmpDir: string;
  /** Connected live stores and their sync jobs. */
  readonly connections: ConnectionService;
  /** Corpus changes and connection states, streamed to open pages by /api/jobs/events. */
  readonly events: CorpusEvents;
  /** Trained waste models, loaded for the waste and graphlet routes. */
  readonly waste: WasteModels;
}
