/** Removing a deployment's job queue from Redis: every key under its prefix (QUEUE_PREFIX). */
import { Redis } from 'ioredis';

/** Deletes every key under `prefix` in the Redis at `redisUrl` (SCAN, never KEYS or FLUSHALL). */
export async function removeQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
