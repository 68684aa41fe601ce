/** The statistics document of a trace selection, through TanStack Query. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { requestJson } from '../../api/http.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { statsDocument } from '../../lib/figures/stats-document.ts';

/** `GET /api/stats` for `traceIds` (all traces when empty); keeps the previous document while loading. */
export const statsQuery = (traceIds: readonly string[]) =>
  queryOptions({
    queryKey: [...queryKeys.all, 'stats', traceIds.join(',')] as const,
    queryFn: ({ signal }) =>
      requestJson(
        traceIds.length === 0
          ? '/api/stats'
          : `/api/stats?traces=${traceIds.map(encodeURIComponent).join(',')}`,
        statsDocument,
        { signal },
      ),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
