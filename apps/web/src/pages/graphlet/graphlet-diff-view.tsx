/** What changed since the previous graphlet: spans added and dropped, code changed. */
import type { GraphletDiff } from '../../lib/graphlet/graphlet-diff.ts';

export interface GraphletDiffViewProps {
  readonly diff: GraphletDiff | undefined;
  readonly codeMatch: boolean | undefined;
  readonly previousTrainer: number | null;
}

function SpanList({ ids, sign }: { readonly ids: readonly number[]; readonly sign: '+' | '−' }) {
  if (ids.length === 0) return <span className="muted">none</span>;
  const shown = ids.slice(0, 40);
  return (
    <span className={sign === '+' ? 'diff-add mono' : 'diff-drop mono'}>
      {shown.map((id) => `${sign} a${id}`).join('  ')}
      {ids.length > shown.length ? `  … ${ids.length - shown.length} more` : ''}
    </span>
  );
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
            <SpanList ids={diff.spansAdded} sign="+" />
          </dd>
          <dt>Spans dropped ({diff.spansDropped.length})</dt>
          <dd>
            <SpanList ids={diff.spansDropped} sign="−" />
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
