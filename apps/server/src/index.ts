export type { Config, ConfigInput } from './config.ts';
export { loadConfig } from './config.ts';
export type { Server } from './create-app.ts';
export { createApp } from './create-app.ts';
export { removeQueueKeys } from './jobs/queue-keys.ts';

/** The app's type, for the web app's typed client. */
export type AppType = ReturnType<typeof import('./create-app.ts').createApp>['app'];

// For the benchmarks of the PostgreSQL store's writes and search (bench/src/postgres-search-bench.ts).
export { storeTrace } from './import/store-trace.ts';
export { MIGRATIONS } from './store/migrations.ts';
export { insertSearchChunks } from './store/postgres/postgres-search.ts';
export { openPostgresStore } from './store/postgres/postgres-store.ts';
export { type SearchNodeRow, searchNodeRows } from './store/search-index.ts';
