/** A graphlet's metrics: spans, similarity with the previous graphlet, code match, compute, duration, push. */
import type { GraphletSummary } from '../../api/schemas.ts';
import { PushedBadge } from '../../components/pushed-badge.tsx';
import { formatDuration, formatNumber, formatPercent, formatTime } from '../../lib/format.ts';
import type { GraphletDiff } from '../../lib/graphlet/graphlet-diff.ts';
import type { OptionalMetrics } from '../../lib/graphlet/optional-metrics.ts';

export interface GraphletMetricsProps {
  readonly graphlet: GraphletSummary;
  readonly diff: GraphletDiff | undefined;
  readonly extra: OptionalMetrics;
}

const NA = <span className="muted">not available</span>;

/** Definition lists of the graphlet's metrics ("not available" where the server has none). */
export function GraphletMetrics({ graphlet, diff, extra }: GraphletMetricsProps) {
  const m = graphlet.metrics;
  const jaccard = extra.jaccard ?? diff?.jaccard;
  return (
    <section className="card" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Metrics</h2>
      <dl className="metric-grid">
        <dt>Pushed</dt>
        <dd>
          <PushedBadge pushed={graphlet.pushed} failed={graphlet.failed} />
        </dd>
        <dt>Push probability</dt>
        <dd>
          {graphlet.failed ? (
            <span className="muted">not scored (failed trainer)</span>
          ) : extra.pushProbability === undefined ? (
            NA
          ) : (
            formatPercent(extra.pushProbability)
          )}
        </dd>
        <dt>Started</dt>
        <dd>{formatTime(graphlet.startMs)}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(m.durationMs)}</dd>
        <dt>Executions / artifacts</dt>
        <dd>
          {formatNumber(m.executions)} / {formatNumber(m.artifacts)}
        </dd>
        <dt>Input spans</dt>
        <dd>{formatNumber(m.spans)}</dd>
        <dt>Span Jaccard vs previous</dt>
        <dd>{jaccard === undefined ? NA : formatNumber(jaccard, 2)}</dd>
        <dt>Dataset similarity</dt>
        <dd>
          {extra.datasetSimilarity === undefined ? NA : formatNumber(extra.datasetSimilarity, 2)}
        </dd>
        <dt>Code match</dt>
        <dd>
          {extra.codeMatch === undefined ? NA : extra.codeMatch ? 'same code' : 'code changed'}
        </dd>
        <dt>Warm start</dt>
        <dd>{graphlet.warmStart ? 'yes' : 'no'}</dd>
        <dt>Compute</dt>
        <dd>{formatNumber(m.computeSeconds / 3600, 2)} CPU h</dd>
      </dl>
      <h3 style={{ marginTop: 12 }}>Compute by operator group</h3>
      {extra.computeByGroup === undefined ? (
        <p className="muted">not available</p>
      ) : (
        <dl className="metric-grid">
          {Object.entries(extra.computeByGroup).map(([group, seconds]) => (
            <div key={group} style={{ display: 'contents' }}>
              <dt>{group}</dt>
              <dd>{formatNumber(seconds / 3600, 2)} CPU h</dd>
            </div>
          ))}
        </dl>
      )}
      <h3 style={{ marginTop: 12 }}>Features behind the prediction</h3>
      {graphlet.failed ? (
        <p className="muted">not scored: a failed trainer is no push decision</p>
      ) : extra.features === undefined ? (
        <p className="muted">not available (no waste model trained yet)</p>
      ) : (
        <dl className="metric-grid">
          {Object.entries(extra.features).map(([name, value]) => (
            <div key={name} style={{ display: 'contents' }}>
              <dt>{name}</dt>
              <dd>{typeof value === 'number' ? formatNumber(value, 3) : String(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
