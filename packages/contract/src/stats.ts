/** Corpus statistics (the document of `cli stats --json`) for all traces or a chosen set. */
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse } from './error.ts';

export const StatsQuerySchema = z.object({
  traces: z
    .string()
    .regex(/^[^,]+(,[^,]+)*$/, 'traces is a comma-separated list of trace ids')
    .optional()
    .openapi({ description: 'Comma-separated trace ids; the whole corpus when absent' }),
});

/** One number the paper states (@graphlet/core's PaperTarget). */
export const PaperTargetSchema = z
  .object({
    label: z.string(),
    value: z.number(),
    relation: z.enum(['=', '~', '<', '>']),
    section: z.string(),
  })
  .openapi('PaperTarget');

/** The paper's numbers keyed by their dot-separated path in the statistics document. */
export const PaperTargetsSchema = z.record(z.string(), PaperTargetSchema);

/** The paper's claims in words, keyed by figure path (e.g. `figures.9d`). */
export const PaperClaimsSchema = z.record(z.string(), z.string());

/**
 * Shaped by @graphlet/core's CorpusStatistics (kept open here so the contract follows core), plus
 * `paper` (PAPER_TARGETS) and `paperClaims` (PAPER_CLAIMS) for reference lines.
 */
export const StatsSchema = z.record(z.string(), z.unknown()).openapi('CorpusStatistics');

export const getStatsRoute = createRoute({
  method: 'get',
  path: '/stats',
  tags: ['stats'],
  summary: 'The paper statistics for the whole corpus or the listed traces',
  request: { query: StatsQuerySchema },
  responses: {
    200: {
      description: 'The statistics',
      content: { 'application/json': { schema: StatsSchema } },
    },
    400: errorResponse('Malformed trace list'),
    404: errorResponse('A listed trace does not exist'),
  },
});
