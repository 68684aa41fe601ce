/** What the route modules share: configuration, the store and the services built on it. */
import type { DatabaseSync } from 'node:sqlite';
import type { Config } from './config.ts';
import type { Importer } from './import/importer.ts';
import type { JobRunner } from './jobs/job-runner.ts';
import type { TraceCache } from './layout/trace-cache.ts';
import type { ListCache } from './routes/list-cache.ts';
import type { WasteModels } from './waste/waste-models.ts';

export interface Services {
  readonly config: Config;
  readonly db: DatabaseSync;
  readonly jobs: JobRunner;
  readonly importer: Importer;
  readonly traces: TraceCache;
  /** Serialised list answers; invalidated with `traces` whenever sources change. */
  readonly lists: ListCache;
  /** Where uploads are streamed before import. */
  readonly tmpDir: string;
  /** Trained waste models, loaded for the waste and graphlet routes. */
  readonly waste: WasteModels;
}
