/** Liveness (always open, even when a token is configured) and the server's limits and caches. */
import { z } from 'zod';

export const HealthSchema = z.object({ ok: z.literal(true) }).meta({ id: 'Health' });

/** One bounded cache: what it holds now against its limit. */
const CacheUsageSchema = z.object({
  bytes: z.number().int().nonnegative(),
  limitBytes: z.number().int().positive(),
  entries: z.number().int().nonnegative(),
});

/** GET /api/server: the limits in force and how full the caches are. */
export const ServerStatusSchema = z
  .object({
    /** Loaded traces, list answers and waste models in memory (CACHE_BYTES). */
    memoryCache: CacheUsageSchema,
    /** Statistics results kept in the store, least recently used evicted first (STATS_CACHE_BYTES). */
    statsCache: CacheUsageSchema,
    limits: z.object({
      maxUploadBytes: z.number().int().positive(),
      maxJsonBytes: z.number().int().positive(),
      uploadIdleSeconds: z.number().positive(),
    }),
  })
  .meta({ id: 'ServerStatus' });
export type ServerStatus = z.infer<typeof ServerStatusSchema>;
