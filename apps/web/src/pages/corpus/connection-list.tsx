/** The connected stores with their sync state; hidden until there is one. */
import { useQuery } from '@tanstack/react-query';
import { connectionsQuery } from '../../api/queries.ts';
import { QueryErrorMessage } from '../../components/query-error-message.tsx';
import { useCorpusStreaming } from '../../hooks/use-corpus-events.ts';
import { ConnectionItem } from './connection-item.tsx';

/** How often the list is fetched again while the event stream is not open. */
const POLL_MS = 5000;

/** Lists /api/connections; states change through the event stream (or polling without it). */
export function ConnectionList() {
  const streaming = useCorpusStreaming();
  const connections = useQuery({
    ...connectionsQuery(),
    ...(streaming ? {} : { refetchInterval: POLL_MS }),
  });
  if (connections.isError) {
    return <QueryErrorMessage query={connections} title="Could not load connections" />;
  }
  const list = connections.data?.connections ?? [];
  if (list.length === 0) return null;
  return (
    <section className="card sources-card" aria-labelledby="connections-title">
      <h2 id="connections-title" style={{ marginBottom: 4 }}>
        Connected stores
      </h2>
      <ul className="source-list connection-list">
        {list.map((c) => (
          <ConnectionItem key={c.id} connection={c} />
        ))}
      </ul>
    </section>
  );
}
