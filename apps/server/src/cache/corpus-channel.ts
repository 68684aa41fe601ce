/**
 * Corpus invalidations shared by the API processes of one deployment (REDIS_URL): each process
 * keeps its own cache, so a change made through one (an import it started, a delete) is published
 * on Redis and every other process drops its corpus-derived entries.
 *
 * The message alone arrives a moment later: a client that deleted a source through one process
 * and listed traces through another (a load balancer alternating them) was answered the old
 * list. So each change also increments a version key before its answer leaves, and every process
 * reads that key before a request, dropping its entries when it moved: read-your-writes.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { Redis } from 'ioredis';
import type { ServerCache } from './server-cache.ts';

/** The Redis channel of a deployment's corpus invalidations (a message is its sender's id). */
export const corpusChannel = (prefix: string): string => `${prefix}:corpus`;

/** The Redis key counting a deployment's corpus changes. */
const versionKey = (prefix: string): string => `${prefix}:corpus-version`;

/**
 * Links `cache` to the other processes on `redisUrl` under `prefix`; its middleware makes each
 * request see every change answered before it began; close() unlinks it.
 */
export function shareCorpusInvalidations(
  cache: ServerCache,
  redisUrl: string,
  prefix: string,
): { middleware: MiddlewareHandler; close(): void } {
  const channel = corpusChannel(prefix);
  const key = versionKey(prefix);
  const self = randomUUID();
  const pub = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const sub = new Redis(redisUrl, { maxRetriesPerRequest: null });
  // Version reads fail at once while Redis is away rather than queue: requests never wait on it.
  const versions = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  // While Redis is away ioredis reconnects on its own; the cache also drops on store changes.
  for (const client of [pub, sub, versions]) client.on('error', () => {});
  sub.subscribe(channel).catch(() => {});
  sub.on('message', (_channel, from: string) => {
    if (from !== self) cache.dropCorpus();
  });
  let seen: string | null | undefined;
  const pending = new Set<Promise<unknown>>();
  cache.shareInvalidations(() => {
    const sent = pub
      .multi()
      .incr(key)
      .publish(channel, self)
      .exec()
      .then((results) => {
        // Our own change: the entries it made stale are gone already.
        const version = results?.[0]?.[1];
        if (typeof version === 'number' && seen === String(version - 1)) seen = String(version);
      })
      .catch(() => {})
      .finally(() => pending.delete(sent));
    pending.add(sent);
  });
  const middleware: MiddlewareHandler = async (_c, next) => {
    const version = await versions.get(key).catch(() => undefined);
    if (version !== undefined && version !== seen) {
      if (seen !== undefined) cache.dropCorpus();
      seen = version;
    }
    await next();
    // A change this request made is counted before its answer leaves.
    // if (pending.size > 0) await Promise.all(pending);
  };
  return {
    middleware,
    close: () => {
      pub.disconnect();
      sub.disconnect();
      versions.disconnect();
    },
  };
}
