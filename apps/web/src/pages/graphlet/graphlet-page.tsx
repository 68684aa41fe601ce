/** The graphlet page (`/traces/:traceId/graphlets/:trainer`): the graphlet alone, its metrics and diff. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { graphletQuery, traceGraphletsQuery } from '../../api/queries.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { PushOutcomeSection } from '../../components/push-outcome-section.tsx';
import { PushedBadge } from '../../components/pushed-badge.tsx';
import { QueryErrorMessage } from '../../components/query-error-message.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useGraphletKeys } from '../../hooks/use-graphlet-keys.ts';
import { useTraceName } from '../../hooks/use-trace-name.ts';
import { diffSpans } from '../../lib/graphlet/graphlet-diff.ts';
import { optionalMetrics } from '../../lib/graphlet/optional-metrics.ts';
import { ComparePicker } from './compare-picker.tsx';
import { GraphletCanvas } from './graphlet-canvas.tsx';
import { GraphletDiffView } from './graphlet-diff-view.tsx';
import { GraphletMetrics } from './graphlet-metrics.tsx';

/** Loads one graphlet and the trace's graphlet list (for the previous graphlet's spans). */
export function GraphletPage() {
  const { traceId = '', trainer = '' } = useParams();
  const navigate = useNavigate();
  const detail = useQuery(graphletQuery(traceId, trainer));
  const list = useQuery(traceGraphletsQuery(traceId));
  const trace = encodeURIComponent(traceId);
  const traceName = useTraceName(traceId);
  const hrefOf = (t: number) => `/traces/${trace}/graphlets/${t}`;

  const previous = useMemo(() => {
    const prevTrainer = detail.data?.previous;
    if (prevTrainer === null || prevTrainer === undefined) return undefined;
    return list.data?.graphlets.find((g) => g.trainer === prevTrainer);
  }, [detail.data, list.data]);
  const diff = useMemo(
    () =>
      detail.data === undefined || previous === undefined
        ? undefined
        : diffSpans(detail.data.graphlet.spans, previous.spans),
    [detail.data, previous],
  );
  const extra = useMemo(() => optionalMetrics(detail.data ?? {}), [detail.data]);

  useGraphletKeys((delta) => {
    const target = delta === 1 ? detail.data?.next : detail.data?.previous;
    if (target !== null && target !== undefined) void navigate(hrefOf(target));
  });

  const g = detail.data?.graphlet;
  useDocumentTitle(`Graphlet ${g === undefined ? trainer : `#${g.index + 1}`} · ${traceName}`);
  return (
    <div className="stack">
      <div className="page-title">
        <Breadcrumbs
          trail={[{ to: `/traces/${trace}?g=${encodeURIComponent(trainer)}`, label: traceName }]}
        />
        <h1>
          Graphlet {g === undefined ? '' : `#${g.index + 1} `}· trainer {trainer}
        </h1>
        {g !== undefined && <PushedBadge pushed={g.pushed} failed={g.failed} />}
      </div>
      <div className="toolbar">
        <NeighbourLink to={detail.data?.previous} hrefOf={hrefOf} label="◀ Previous graphlet" />
        <NeighbourLink to={detail.data?.next} hrefOf={hrefOf} label="Next graphlet ▶" />
        <span className="key-hint">Keys: ← → or [ ]</span>
        {list.data !== undefined && g !== undefined && (
          <ComparePicker
            key={g.trainer}
            traceId={traceId}
            trainer={g.trainer}
            graphlets={list.data.graphlets}
          />
        )}
      </div>
      {detail.isError ? (
        <QueryErrorMessage query={detail} title="Could not load the graphlet" />
      ) : detail.isPending ? (
        <div className="graphlet-layout">
          <Skeleton height={420} label="Loading the graphlet" />
          <Skeleton height={420} label="Loading metrics" />
        </div>
      ) : (
        <div className="graphlet-layout">
          <div className="stack">
            <GraphletCanvas detail={detail.data} />
            <GraphletDiffView
              diff={diff}
              codeMatch={extra.codeMatch}
              previousTrainer={detail.data.previous}
            />
          </div>
          <div className="stack">
            <div className="card">
              <PushOutcomeSection
                outcome={detail.data.pushOutcome}
                prediction={detail.data.pushPrediction}
                level="h2"
              />
            </div>
            <GraphletMetrics graphlet={detail.data.graphlet} diff={diff} extra={extra} />
          </div>
        </div>
      )}
    </div>
  );
}

interface NeighbourLinkProps {
  readonly to: number | null | undefined;
  readonly hrefOf: (trainer: number) => string;
  readonly label: string;
}

function NeighbourLink({ to, hrefOf, label }: NeighbourLinkProps) {
  if (to === null || to === undefined) {
    return (
      <button type="button" disabled>
        {label}
      </button>
    );
  }
  return (
    <Link className="button" to={hrefOf(to)}>
      {label}
    </Link>
  );
}
