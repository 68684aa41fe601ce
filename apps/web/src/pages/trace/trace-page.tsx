/** The trace page (`/traces/:traceId`): loads the trace and its graphlets, then shows the trace view. */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { sourcesQuery, traceGraphletsQuery, traceQuery } from '../../api/queries.ts';
import { ErrorMessage } from '../../components/error-message.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useTraceName } from '../../hooks/use-trace-name.ts';
import { TraceView } from './trace-view.tsx';

/** How often an open trace of the live source is fetched again. */
const LIVE_POLL_MS = 1500;

/** Data loading and loading/error states of the trace page. */
export function TracePage() {
  const { traceId = '' } = useParams();
  const sources = useQuery(sourcesQuery());
  // A trace of the live OpenLineage source grows as events arrive: poll it while it is open.
  const live = sources.data?.sources.some((s) => s.live === true && traceId.startsWith(`${s.id}-`));
  const poll = live === true ? { refetchInterval: LIVE_POLL_MS, staleTime: 0 } : {};
  const trace = useQuery({ ...traceQuery(traceId), ...poll });
  const graphlets = useQuery({ ...traceGraphletsQuery(traceId), ...poll });
  const name = useTraceName(traceId);
  useDocumentTitle(`${name} · Trace`);
  return (
    <div className="stack">
      <div className="page-title">
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to="/">Corpus</Link> /
        </nav>
        <h1>{name}</h1>
        {live === true && (
          <span className="muted" title="Built from OpenLineage events as they arrive">
            live
          </span>
        )}
      </div>
      {trace.isError || graphlets.isError ? (
        <ErrorMessage
          error={trace.error ?? graphlets.error}
          title="Could not load the trace"
          onRetry={() => {
            void trace.refetch();
            void graphlets.refetch();
          }}
        />
      ) : trace.isPending || graphlets.isPending ? (
        <div className="stack">
          <Skeleton height={50} label="Loading graphlets" />
          <Skeleton height={34} label="Loading filters" />
          <div className="trace-layout">
            <Skeleton height="calc(100vh - 350px)" label="Loading the trace graph" />
            <Skeleton height="calc(100vh - 350px)" label="Loading details" />
          </div>
        </div>
      ) : (
        <TraceView
          traceId={traceId}
          name={name}
          graph={trace.data}
          graphlets={graphlets.data.graphlets}
        />
      )}
    </div>
  );
}
