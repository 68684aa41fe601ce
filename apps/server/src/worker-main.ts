/** The worker process (`pnpm worker`): runs queued jobs from REDIS_URL on the shared DATA_DIR. */
import { loadConfig } from './config.ts';
import { createWorker, type JobWorker } from './create-worker.ts';

let worker: JobWorker;
try {
  const config = loadConfig(process.env, process.argv.slice(2));
  // WORKER_LOCK_MS: how soon a killed worker's job is handed to another (tests shorten it).
  const lockMs =
    process.env.WORKER_LOCK_MS === undefined ? undefined : Number(process.env.WORKER_LOCK_MS);
  worker = await createWorker(config, lockMs);
  console.log(`Graphlet Explorer worker on ${config.queuePrefix} (data in ${config.dataDir})`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const stop = () => void worker.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
