/** The graphlets section of the trace page: heading, previous/next, the skip notice and the strip. */
import type { GraphletSummary } from '../../api/schemas.ts';
import { Term } from '../../components/term.tsx';
import { GraphletTimeline } from './graphlet-timeline.tsx';
import { SkipNotice } from './skip-notice.tsx';
import { useSkippedGraphlets } from './use-skipped-graphlets.ts';

export interface GraphletStripProps {
  readonly traceId: string;
  readonly graphlets: readonly GraphletSummary[];
  readonly selected: string | undefined;
  /** The URL's `skip` selection (graphlets a waste model would skip). */
  readonly skip: string | undefined;
  readonly onSelect: (trainer: string | undefined) => void;
  readonly onStep: (delta: 1 | -1) => void;
  readonly onClearSkip: () => void;
}

/** Heading with the count, step buttons, key hints, skip marks and the timeline. */
export function GraphletStrip(props: GraphletStripProps) {
  const { graphlets, selected, onSelect, onStep } = props;
  const skipped = useSkippedGraphlets(props.traceId, props.skip);
  return (
    <section aria-label="Graphlets">
      <div className="toolbar" style={{ marginBottom: 0 }}>
        <h2 style={{ margin: 0 }}>
          <Term term="graphlet">Graphlets</Term> ({graphlets.length})
        </h2>
        <button type="button" onClick={() => onStep(-1)} disabled={graphlets.length === 0}>
          ◀ Previous
        </button>
        <button type="button" onClick={() => onStep(1)} disabled={graphlets.length === 0}>
          Next ▶
        </button>
        <span className="key-hint">
          Keys: ← → or [ ] step through graphlets · F fit · G frame graphlet · ▲ pushed · ✕ not
          pushed · ⚠ failed trainer (no model)
        </span>
      </div>
      <SkipNotice skipped={skipped} onClear={props.onClearSkip} />
      <GraphletTimeline
        graphlets={graphlets}
        selected={selected}
        onSelect={onSelect}
        skipped={skipped.trainers}
      />
    </section>
  );
}
