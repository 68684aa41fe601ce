/** The corpus page (`/`): traces table with sort and filter in the URL, upload, connected stores, sources. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { sourcesQuery, tracesQuery } from '../../api/queries.ts';
import { QueryErrorMessage } from '../../components/query-error-message.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useSearchState } from '../../hooks/use-search-state.ts';
import { filterRows, sortRows, traceRows } from '../../lib/corpus/trace-rows.ts';
import { countOf } from '../../lib/plural.ts';
import { corpusSearch } from '../../lib/url-state.ts';
import { AddStoreForm } from './add-store-form.tsx';
import { ConnectionList } from './connection-list.tsx';
import { SourceList } from './source-list.tsx';
import { TracesTable } from './traces-table.tsx';
import { UploadArea } from './upload-area.tsx';

/** Lists the corpus's traces. */
export function CorpusPage() {
  const [search, setSearch] = useSearchState(corpusSearch);
  const traces = useQuery(tracesQuery());
  const sources = useQuery(sourcesQuery());
  const allRows = useMemo(
    () => traceRows(traces.data?.traces ?? [], sources.data?.sources ?? []),
    [traces.data, sources.data],
  );
  const rows = useMemo(
    () => sortRows(filterRows(allRows, search.q, search.source), search.sort, search.dir),
    [allRows, search],
  );

  return (
    <div className="stack">
      <div className="page-title">
        <h1>Corpus</h1>
        <span className="muted">
          {traces.data === undefined
            ? ''
            : `${rows.length.toLocaleString('en-US')} of ${countOf(allRows.length, 'trace')}`}
        </span>
      </div>
      <div className="corpus-top">
        <div className="stack">
          <UploadArea />
          <AddStoreForm />
          <ConnectionList />
        </div>
        <SourceList />
      </div>
      <div>
        <section aria-label="Traces">
          <div className="toolbar">
            <label>
              Filter
              <input
                type="search"
                placeholder="pipeline or source"
                value={search.q}
                onChange={(e) => setSearch({ q: e.target.value }, { replace: true })}
              />
            </label>
            <label>
              Source
              <select value={search.source} onChange={(e) => setSearch({ source: e.target.value })}>
                <option value="">All sources</option>
                {(sources.data?.sources ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {traces.isPending ? (
            <Skeleton height={360} label="Loading traces" />
          ) : traces.isError ? (
            <QueryErrorMessage query={traces} title="Could not load traces" />
          ) : allRows.length === 0 ? (
            <div className="card empty">
              <h2>No traces yet</h2>
              <p>Upload an MLMD SQLite store or a JSON trace above to start exploring.</p>
            </div>
          ) : rows.length === 0 ? (
            <div className="card empty">
              <p>No trace matches this filter.</p>
              <button type="button" onClick={() => setSearch({ q: '', source: '' })}>
                Clear the filter
              </button>
            </div>
          ) : (
            <TracesTable
              rows={rows}
              sort={search.sort}
              dir={search.dir}
              onSort={(sort, dir) => setSearch({ sort, dir })}
            />
          )}
        </section>
      </div>
    </div>
  );
}
