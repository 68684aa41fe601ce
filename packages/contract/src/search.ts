/** Corpus-wide search: pipelines, executions and artifacts by name, label, type or URI. */
import { z } from 'zod';

/** The most results one search answers. */
export const SEARCH_LIMIT_MAX = 100;

export const SearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(3, 'type at least 3 characters')
    .max(200)
    .meta({ description: 'Text to find (case-insensitive substring, 3 characters or more)' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(SEARCH_LIMIT_MAX)
    .optional()
    .meta({ description: `Most results (default 20, at most ${SEARCH_LIMIT_MAX})` }),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SEARCH_KINDS = ['pipeline', 'execution', 'artifact'] as const;

export const SearchHitSchema = z
  .object({
    kind: z.enum(SEARCH_KINDS),
    traceId: z.string(),
    pipeline: z.string(),
    /** The node's id on its trace (`e12`, `a40`); null for a pipeline. */
    nodeId: z.string().nullable(),
    /** What the trace page draws for the node (or the pipeline's name). */
    label: z.string(),
    type: z.string().nullable(),
    name: z.string().nullable(),
    uri: z.string().nullable(),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z
  .object({
    query: z.string(),
    hits: z.array(SearchHitSchema),
    /** True when more matched than `limit`. */
    more: z.boolean(),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof SearchResultSchema>;
