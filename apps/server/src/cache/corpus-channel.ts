/**
 * Corpus invalidations shared by the API processes of one deployment (REDIS_URL): each process
 * keeps its own cache, so a change made through one (an import it started, a delete) is published
 * on Redis and every other process drops its corpus-derived entries.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { ServerCache } from './server-cache.ts';

/** The Redis channel of a deployment's corpus invalidations (a message is its sender's id). */
export const corpusChannel = (prefix: string): string => `${prefix}:corpus`;

/** Links `cache` to the other processes on `redisUrl` under `prefix`; close() unlinks it. */
export function shareCorpusInvalidations(
  cache: ServerCache,
  redisUrl: string,
  prefix: string,
): { close(): void } {
  const channel = corpusChannel(prefix);
  const self = randomUUID();
  const pub = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const sub = new Redis(redisUrl, { maxRetriesPerRequest: null });
  // While Redis is away ioredis reconnects on its own; the cache also drops on store changes.
  for (const client of [pub, sub]) client.on('error', () => {});
  sub.subscribe(channel).catch(() => {});
  sub.on('message', (_channel, from: string) => {
    if (from !== self) cache.dropCorpus();
  });
  cache.shareInvalidations(() => void pub.publish(channel, self).catch(() => {}));
  return {
    close: () => {
      pub.disconnect();
      sub.disconnect();
    },
  };
}
