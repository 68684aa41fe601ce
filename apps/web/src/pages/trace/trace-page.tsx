/** The trace page (`/traces/:traceId`): loads the trace and its graphlets, then shows the trace view. */
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import {
  connectionsQuery,
  sourcesQuery,
  traceGraphletsQuery,
  traceQuery,
} from '../../api/queries.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useCorpusStreaming } from '../../hooks/use-corpus-events.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useTraceName } from '../../hooks/use-trace-name.ts';
import { TraceView } from './trace-view.tsx';

/** How often an open live trace is fetched again while the event stream is not open. */
const LIVE_POLL_MS = 1500;

/** Data loading and loading/error states of the trace page. */
export function TracePage() {
  const { traceId = '' } = useParams();
  const sources = useQuery(sourcesQuery());
  const connections = useQuery(connectionsQuery());
  // A trace of the live OpenLineage source or of a connected store grows while it is open: the
  // corpus event stream says when (AppLayout); without the stream (a bearer token) it is polled.
  const inSource = (id: string) => traceId.startsWith(`${id}-`);
  const lineage = sources.data?.sources.some((s) => s.live === true && inSource(s.id)) === true;
  const connected = connections.data?.connections.some((c) => inSource(c.id)) === true;
  const live = lineage || connected;
  const streaming = useCorpusStreaming();
  const poll = live && !streaming ? { refetchInterval: LIVE_POLL_MS, staleTime: 0 } : {};
  const trace = useQuery({ ...traceQuery(traceId), ...poll });
  const graphlets = useQuery({ ...traceGraphletsQuery(traceId), ...poll });
  const name = useTraceName(traceId);
  useDocumentTitle(`${name} · Trace`);
  return (
    <div className="stack">
      <div className="page-title">
        <Breadcrumbs />
        <h1>{name}</h1>
        {live && (
          <span
            className="muted"
            title={
              lineage
                ? 'Built from OpenLineage events as they arrive'
                : 'Kept in sync with a connected store'
            }
          >
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
          key={traceId}
          traceId={traceId}
          name={name}
          graph={trace.data}
          graphlets={graphlets.data.graphlets}
        />
      )}
    </div>
  );
}
