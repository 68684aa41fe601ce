/** The pipeline name of a trace, from the (cached) trace list; the id until the list arrives. */
import { useQuery } from '@tanstack/react-query';
import { tracesQuery } from '../api/queries.ts';

/** Names a trace by its pipeline, e.g. `video-recs-rolling`, falling back to its id. */
export function useTraceName(traceId: string): string {
  const { data } = useQuery({
    ...tracesQuery(),
    select: (list) => list.traces.find((t) => t.id === traceId)?.pipeline,
  });
  return data ?? traceId;
}
