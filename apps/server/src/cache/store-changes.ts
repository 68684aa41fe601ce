/**
 * Read-your-writes across API processes on one SQLite store (REDIS_URL): before a request, a
 * process whose watching connection saw a commit (SQLite's data_version counts commits by other
 * connections) drops its corpus-derived cache entries, so a source deleted or imported through
 * one process is never answered stale by another. Job rows commit too, so during imports the
 * cache is often cold.
 */
import { DatabaseSync } from 'node:sqlite';
import type { MiddlewareHandler } from 'hono';
import type { ServerCache } from './server-cache.ts';

/** Watches the store file at `file` on a read-only connection of its own; close() ends it. */
export function watchStoreChanges(file: string): {
  middleware(cache: ServerCache): MiddlewareHandler;
  close(): void;
} {
  const db = new DatabaseSync(file, { readOnly: true });
  const version = db.prepare('PRAGMA data_version');
  const read = () => (version.get() as { data_version: number }).data_version;
  let seen = read();
  return {
    middleware: (cache) => async (_c, next) => {
      const now = read();
      if (now !== seen) {
        seen = now;
        cache.dropCorpus();
      }
      await next();
    },
    close: () => db.close(),
  };
}
