/**
 * The server's corpus event stream (/api/jobs/events) applied to the query cache: a sync or an
 * OpenLineage post that rebuilt traces marks them and every corpus answer stale (an open Trace
 * page refetches its trace at once); a connection's new state refreshes the connection list.
 */
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys.ts';
import { corpusChange } from './schemas.ts';
import { readToken } from './token-store.ts';

/** Whether the event stream can be used (EventSource exists and no bearer token is needed). */
export function canStreamCorpusEvents(): boolean {
  return typeof EventSource !== 'undefined' && readToken() === null;
}

/** Follows the stream until the returned function is called; `onOpen(false)` when it breaks. */
export function followCorpusEvents(
  queryClient: QueryClient,
  onOpen: (open: boolean) => void,
): () => void {
  const source = new EventSource('/api/jobs/events');
  source.addEventListener('ready', () => onOpen(true));
  source.addEventListener('change', (event: MessageEvent<string>) => {
    const parsed = corpusChange.safeParse(safeJson(event.data));
    if (!parsed.success) return;
    for (const id of parsed.data.traces) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.trace(id) });
    }
    void queryClient.invalidateQueries({
      queryKey: queryKeys.all,
      predicate: (query) => query.queryKey[1] !== 'jobs' && query.queryKey[1] !== 'traces',
    });
    void queryClient.invalidateQueries({ queryKey: queryKeys.traces(), exact: true });
  });
  source.addEventListener('connection', () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.connections() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.sources() });
  });
  // EventSource reconnects by itself; while it does, pages fall back to polling.
  source.onerror = () => onOpen(false);
  return () => source.close();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
