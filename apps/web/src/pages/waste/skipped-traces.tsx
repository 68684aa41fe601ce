/** The test graphlets the threshold skips, by trace, each trace linking to its page with them marked. */
import { memo } from 'react';
import { Link } from 'react-router';
import { traceHref } from '../../lib/waste/skip-param.ts';
import type { SkippedTrace } from '../../lib/waste/skipped-by-trace.ts';

export interface SkippedTracesProps {
  readonly traces: readonly SkippedTrace[];
  /** The `skip` search param for the trace page. */
  readonly skipParam: string;
  readonly stale: boolean;
}

/**
 * A list of traces with their skipped graphlets; empty when nothing is skipped. Memoised: the
 * list can hold thousands of graphlets and must not re-render on every threshold step.
 */
export const SkippedTraces = memo(function SkippedTraces({
  traces,
  skipParam,
  stale,
}: SkippedTracesProps) {
  if (traces.length === 0) {
    return <p className="muted">At this threshold every test graphlet runs.</p>;
  }
  return (
    <ul className="skipped-traces" aria-busy={stale} data-stale={stale}>
      {traces.map((t) => (
        <li key={t.traceId}>
          <div className="skipped-head">
            <strong>{t.pipeline}</strong>
            <span className="muted mono">{t.traceId}</span>
            <span>
              {t.graphlets.length} skipped
              {t.pushedLost > 0 ? `, ${t.pushedLost} of them pushed` : ''} ·{' '}
              {t.computeSaved.toFixed(1)} CPU h
            </span>
            <Link className="button" to={traceHref(t.traceId, skipParam)}>
              Show on trace
            </Link>
          </div>
          <div className="skipped-graphlets">
            {t.graphlets.map((g) => (
              <Link
                key={g.trainer}
                to={`/traces/${encodeURIComponent(t.traceId)}/graphlets/${g.trainer}`}
                className={g.pushed ? 'badge pushed' : 'badge unpushed'}
                title={`p(push) = ${g.probability.toFixed(3)} · ${(g.cost / 3600).toFixed(2)} CPU h`}
              >
                {g.pushed ? '▲' : '✕'} {g.trainer}
              </Link>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
});
