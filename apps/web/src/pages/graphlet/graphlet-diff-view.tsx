/** What changed since the previous graphlet: spans added and dropped, code changed. */
import type { GraphletDiff } from '../../lib/graphlet/graphlet-diff.ts';
import { SpanIds } from './span-ids.tsx';

export interface GraphletDiffViewProps {
  readonly diff: GraphletDiff | undefined;
  readonly codeMatch: boolean | undefined;
  readonly previousTrainer: number | null;
}

/** The diff card, or a note for the first graphlet. */
export function GraphletDiffView({ diff, codeMatch, previousTrainer }: GraphletDiffViewProps) {
  return (
    <section className="card" aria-labelledby="diff-title">
      <h2 id="diff-title">Changes since the previous graphlet</h2>
      {previousTrainer === null || diff === undefined ? (
        <p className="muted">This is the pipeline's first graphlet: nothing to compare with.</p>
      ) : (
        <dl className="metric-grid">
          <dt>Previous</dt>
          <dd className="mono">trainer {previousTrainer}</dd>
          <dt>Spans added ({diff.spansAdded.length})</dt>
          <dd>
            <SpanIds ids={diff.spansAdded} sign="+" />
          </dd>
          <dt>Spans dropped ({diff.spansDropped.length})</dt>
          <dd>
            <SpanIds ids={diff.spansDropped} sign="−" />
          </dd>
          <dt>Spans kept</dt>
          <dd>{diff.spansKept}</dd>
          <dt>Code</dt>
          <dd>
            {codeMatch === undefined ? (
              <span className="muted">not available</span>
            ) : codeMatch ? (
              'unchanged'
            ) : (
              <strong>changed</strong>
            )}
          </dd>
        </dl>
      )}
    </section>
  );
}
