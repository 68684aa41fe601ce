/** The figures page (`/figures`): every figure and table of the paper for the corpus or chosen traces. */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { useLocation } from 'react-router';
import { tracesQuery } from '../../api/queries.ts';
import { QueryErrorMessage } from '../../components/query-error-message.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useSearchState } from '../../hooks/use-search-state.ts';
import { figuresSearch, knownTraces } from '../../lib/figures/figures-search.ts';
import { FiguresGrid } from './figures-grid.tsx';
import { FiguresToc } from './figures-toc.tsx';
import { statsQuery } from './stats-query.ts';
import { SummaryStrip } from './summary-strip.tsx';
import { TracePicker } from './trace-picker.tsx';
import '../../components/charts/charts.css';
import './figures.css';
import { countOf } from '../../lib/plural.ts';

/** Statistics of the selected traces as the paper's figures, each beside the paper's numbers. */
export function FiguresPage() {
  const [search, setSearch] = useSearchState(figuresSearch);
  const traces = useQuery(tracesQuery());
  const existing = useMemo(
    () => (traces.data === undefined ? null : new Set(traces.data.traces.map((t) => t.id))),
    [traces.data],
  );
  const selected = useMemo(() => knownTraces(search.traces, existing), [search.traces, existing]);
  // The whole corpus needs no trace list: fetch both at once. A selection waits for the list, to
  // drop ids of deleted traces from old links.
  const stats = useQuery({
    ...statsQuery(selected),
    enabled: search.traces.length === 0 || existing !== null,
  });
  const onSelect = useCallback((ids: string[]) => setSearch({ traces: ids }), [setSearch]);
  useScrollToHash(stats.data !== undefined);

  const empty = traces.data !== undefined && traces.data.traces.length === 0;
  return (
    <div className="stack figures-page" aria-busy={stats.isFetching}>
      <div className="page-title">
        <h1>Figures</h1>
        <span className="muted">
          The paper's figures and tables (Xin et al., SIGMOD 2021, §3–4) for{' '}
          {selected.length === 0 ? 'the whole corpus' : countOf(selected.length, 'selected trace')}
        </span>
        {stats.isFetching && stats.data !== undefined && (
          <span className="muted" role="status">
            Updating…
          </span>
        )}
      </div>
      {traces.isError ? (
        <QueryErrorMessage query={traces} title="Could not load traces" />
      ) : traces.data === undefined ? (
        <Skeleton height={38} label="Loading traces" />
      ) : (
        <TracePicker traces={traces.data.traces} selected={selected} onChange={onSelect} />
      )}
      {empty ? (
        <div className="card empty">
          <h2>No traces yet</h2>
          <p>Upload an MLMD store on the Corpus page to see the paper's figures for it.</p>
        </div>
      ) : stats.isError ? (
        <QueryErrorMessage query={stats} title="Could not compute the statistics" />
      ) : stats.data === undefined ? (
        <FiguresSkeleton />
      ) : (
        <>
          <SummaryStrip corpus={stats.data.corpus} paper={stats.data.paper} />
          <FiguresToc />
          <FiguresGrid stats={stats.data} />
        </>
      )}
    </div>
  );
}

/** Reserved space for the strip and the first panels while the document loads. */
function FiguresSkeleton() {
  return (
    <div className="stack">
      <Skeleton height={84} label="Loading statistics" />
      <Skeleton height={28} label="Loading figures" />
      <div className="figures-grid">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={380} label="Loading figure" />
        ))}
      </div>
    </div>
  );
}

/** Scrolls to the URL's anchor (`#fig-9a`) once the panels exist. */
function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (target === null) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [ready, hash]);
}
