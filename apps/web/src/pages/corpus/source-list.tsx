/** The imported sources, each deletable. */
import { useQuery } from '@tanstack/react-query';
import { sourcesQuery } from '../../api/queries.ts';
import { QueryErrorMessage } from '../../components/query-error-message.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { ServerStatus } from './server-status.tsx';
import { SourceItem } from './source-item.tsx';

/** Lists sources from /api/sources. */
export function SourceList() {
  const sources = useQuery(sourcesQuery());
  return (
    <aside className="card sources-card" aria-labelledby="sources-title">
      <h2 id="sources-title" style={{ marginBottom: 4 }}>
        Sources
      </h2>
      {sources.isPending ? (
        <Skeleton height={40} label="Loading sources" />
      ) : sources.isError ? (
        <QueryErrorMessage query={sources} title="Could not load sources" />
      ) : sources.data.sources.length === 0 ? (
        <p className="muted">No sources yet.</p>
      ) : (
        <ul className="source-list">
          {sources.data.sources.map((source) => (
            <SourceItem key={source.id} source={source} />
          ))}
        </ul>
      )}
      <ServerStatus />
    </aside>
  );
}
