/** The trace's graphlets that the `skip` param's model, variant and threshold would skip. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { wasteOperatingPointQuery } from '../../api/queries.ts';
import { parseSkipParam, type SkipSelection } from '../../lib/waste/skip-param.ts';

/** What the trace page marks. */
export interface SkippedGraphlets {
  readonly selection: SkipSelection | undefined;
  /** Trainer ids of this trace's skipped test graphlets. */
  readonly trainers: ReadonlySet<string>;
  readonly pending: boolean;
  readonly error: unknown;
}

const NONE: ReadonlySet<string> = new Set();

/** Reads the operating point named by `skip` and keeps this trace's skipped graphlets. */
export function useSkippedGraphlets(traceId: string, skip: string | undefined): SkippedGraphlets {
  const selection = useMemo(() => parseSkipParam(skip), [skip]);
  const point = useQuery({
    ...wasteOperatingPointQuery(
      selection?.model ?? '',
      selection?.variant ?? '',
      selection?.threshold ?? 0,
    ),
    enabled: selection !== undefined,
  });
  const trainers = useMemo(() => {
    if (point.data === undefined) return NONE;
    return new Set(
      point.data.skipped.filter((g) => g.traceId === traceId).map((g) => String(g.trainer)),
    );
  }, [point.data, traceId]);
  return {
    selection,
    trainers,
    pending: selection !== undefined && point.isPending,
    error: point.error,
  };
}
