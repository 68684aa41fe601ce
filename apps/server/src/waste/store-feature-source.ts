/**
 * The server's feature source for the training job's workers (@graphlet/waste/node): each worker
 * opens the store read-only (WAL lets it read beside the server's writer) and reads one stored
 * trace and its stored graphlets per task; items are trace ids. On PostgreSQL (`spec` a URL) the
 * worker reads through its own small pool, answering with promises.
 */
import { DatabaseSync } from 'node:sqlite';
import type { Trace } from '@graphlet/core';
import type { FeatureSource } from '@graphlet/waste/node';
import { toCoreGraphlet } from '../import/core-graphlet.ts';
import { isPostgresUrl, openWorkerStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { getTracePayload, listGraphlets } from '../store/trace-queries.ts';

/** Opens the store file `spec`; a trace deleted since the request was accepted reads as none. */
export function openFeatureSource(spec: string): FeatureSource {
  if (isPostgresUrl(spec)) return storeFeatureSource(openWorkerStore(spec));
  const db = new DatabaseSync(spec, { readOnly: true });
  db.exec('PRAGMA busy_timeout = 5000');
  return {
    read(item) {
      const id = String(item);
      const payload = getTracePayload(db, id);
      if (payload === undefined) return undefined;
      return {
        trace: JSON.parse(payload) as Trace,
        graphlets: listGraphlets(db, id).map(toCoreGraphlet),
      };
    },
    close: () => db.close(),
  };
}

/** A feature source over the async Store: one trace and its graphlets per item. */
function storeFeatureSource(store: Store): FeatureSource {
  return {
    async read(item) {
      const id = String(item);
      const payload = await store.getTracePayload(id);
      if (payload === undefined) return undefined;
      const graphlets = await store.listGraphlets(id);
      return { trace: JSON.parse(payload) as Trace, graphlets: graphlets.map(toCoreGraphlet) };
    },
    close: () => store.close(),
  };
}
