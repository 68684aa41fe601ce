/** The statistics document of a trace selection, through TanStack Query. */

import { StatsSchema } from '@graphlet/contract';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { requestJson } from '../../api/http.ts';
import { queryKeys } from '../../api/query-keys.ts';

/** `GET /api/stats` for `traceIds` (all traces when empty); keeps the previous document while loading. */
export const statsQuery = (traceIds: readonly string[]) =>
  queryOptions({
    queryKey: [...queryKeys.all, 'stats', traceIds.join(',')] as const,
    queryFn: ({ signal }) =>
      requestJson(
        traceIds.length === 0
          ? '/api/stats'
          : `/api/stats?traces=${traceIds.map(encodeURIComponent).join(',')}`,
        StatsSchema,
        { signal },
      ),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
