/** The side panel when no node is chosen: the selected graphlet's summary, or how to use the page. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { graphletQuery } from '../../api/queries.ts';
import type { GraphletSummary } from '../../api/schemas.ts';
import { PushOutcomeSection } from '../../components/push-outcome-section.tsx';
import { PushedBadge } from '../../components/pushed-badge.tsx';
import { formatDuration, formatNumber, formatTime } from '../../lib/format.ts';
import { StateLegend } from './state-legend.tsx';

export interface GraphletCardProps {
  readonly traceId: string;
  readonly graphlet: GraphletSummary | undefined;
}

/** Metrics of the selected graphlet with a link to its page. */
export function GraphletCard({ traceId, graphlet }: GraphletCardProps) {
  if (graphlet === undefined) {
    return (
      <section>
        <h2>Explore the trace</h2>
        <ul className="muted" style={{ paddingLeft: 18 }}>
          <li>
            Choose a graphlet in the strip above, click a trainer, or press → to light one up.
          </li>
          <li>Hover a node to see its upstream (solid blue) and downstream (dashed vermillion).</li>
          <li>Click a node for its details and its lineage; zoom in to read labels.</li>
          <li>F fits what is visible, G frames the selected graphlet.</li>
        </ul>
        <StateLegend />
      </section>
    );
  }
  const m = graphlet.metrics;
  return (
    <section aria-labelledby="graphlet-card-title">
      <h2 id="graphlet-card-title">
        Graphlet #{graphlet.index + 1}{' '}
        <PushedBadge pushed={graphlet.pushed} failed={graphlet.failed} />
      </h2>
      <dl>
        <dt>Trainer</dt>
        <dd className="mono">{graphlet.trainer}</dd>
        <dt>Started</dt>
        <dd>{formatTime(graphlet.startMs)}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(m.durationMs)}</dd>
        <dt>Executions</dt>
        <dd>{formatNumber(m.executions)}</dd>
        <dt>Artifacts</dt>
        <dd>{formatNumber(m.artifacts)}</dd>
        <dt>Input spans</dt>
        <dd>{formatNumber(m.spans)}</dd>
        <dt>Compute</dt>
        <dd>{formatNumber(m.computeSeconds / 3600, 2)} CPU h</dd>
        <dt>Warm start</dt>
        <dd>{graphlet.warmStart ? 'yes' : 'no'}</dd>
      </dl>
      <GraphletOutcome traceId={traceId} trainer={graphlet.trainer} />
      <Link
        className="button"
        to={`/traces/${encodeURIComponent(traceId)}/graphlets/${graphlet.trainer}`}
      >
        Open graphlet page
      </Link>
      <StateLegend />
    </section>
  );
}

/** The selected graphlet's push outcome, from its detail (loaded on selection, then cached). */
function GraphletOutcome({ traceId, trainer }: { traceId: string; trainer: number }) {
  const detail = useQuery(graphletQuery(traceId, String(trainer)));
  if (detail.data === undefined) {
    return detail.isError ? null : <p className="muted">Reading why it was or was not pushed…</p>;
  }
  return (
    <PushOutcomeSection outcome={detail.data.pushOutcome} prediction={detail.data.pushPrediction} />
  );
}
