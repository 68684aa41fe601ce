/** The watermark of an incremental MLMD read: where the last read of a store stopped. */
import { z } from 'zod';

const id = z.number().int().nonnegative();

/** Where the last read of a store stopped; JSON-safe, validated when read back. */
export const mlmdWatermarkSchema = z.object({
  executionId: id,
  artifactId: id,
  eventId: id,
  contextId: id,
  associationId: id,
  attributionId: id,
  /** Latest last_update_time_since_epoch of executions, and the ids updated at exactly it. */
  executionsUpdated: z.object({ ms: z.number().int(), ids: z.array(id) }),
  /** Latest last_update_time_since_epoch of artifacts, and the ids updated at exactly it. */
  artifactsUpdated: z.object({ ms: z.number().int(), ids: z.array(id) }),
  /** Executions NEW or RUNNING at the last read, with their MLMD state code. */
  open: z.array(z.tuple([id, z.number().int()])),
  /**
   * Ids missing below the largest seen: a transaction that took them may commit later (MLMD's
   * writers run concurrently). Re-checked on every read; the most recent GAP_LIMIT are kept.
   */
  gaps: z.object({ execution: z.array(id), artifact: z.array(id), event: z.array(id) }),
});

/** Where the last read of a store stopped. */
export type MlmdWatermark = z.infer<typeof mlmdWatermarkSchema>;

/** MLMD's execution states NEW and RUNNING: the executions a watermark keeps watching. */
export const OPEN_STATES = { new: 1, running: 2 } as const;
/** Gaps kept per table. */
export const GAP_LIMIT = 1000;
/** How far below the largest id a first watermark looks for gaps. */
export const GAP_WINDOW = 10_000;
