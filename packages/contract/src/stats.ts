/** Corpus statistics (the document of `cli stats --json`) for all traces or a chosen set. */
import { z } from 'zod';

export const StatsQuerySchema = z.object({
  traces: z
    .string()
    .regex(/^[^,]+(,[^,]+)*$/, 'traces is a comma-separated list of trace ids')
    .optional()
    .meta({ description: 'Comma-separated trace ids; the whole corpus when absent' }),
});

/** One number the paper states (@graphlet/core's PaperTarget). */
export const PaperTargetSchema = z
  .object({
    label: z.string(),
    value: z.number(),
    relation: z.enum(['=', '~', '<', '>']),
    section: z.string(),
  })
  .meta({ id: 'PaperTarget' });

/** The paper's numbers keyed by their dot-separated path in the statistics document. */
export const PaperTargetsSchema = z.record(z.string(), PaperTargetSchema);

/** The paper's claims in words, keyed by figure path (e.g. `figures.9d`). */
export const PaperClaimsSchema = z.record(z.string(), z.string());

/**
 * Shaped by @graphlet/core's CorpusStatistics (kept open here so the contract follows core), plus
 * `paper` (PAPER_TARGETS) and `paperClaims` (PAPER_CLAIMS) for reference lines.
 */
export const StatsSchema = z.record(z.string(), z.unknown()).meta({ id: 'CorpusStatistics' });
