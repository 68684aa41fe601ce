/**
 * Follows the server's corpus event stream while the app is open (AppLayout), and tells pages
 * whether it is open: a page showing live data polls only while it is not.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { canStreamCorpusEvents, followCorpusEvents } from '../api/corpus-events.ts';

let open = false;
const listeners = new Set<() => void>();
const setOpen = (value: boolean) => {
  if (open === value) return;
  open = value;
  for (const listener of listeners) listener();
};

/** Opens the stream for the app's lifetime. */
export function useCorpusEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!canStreamCorpusEvents()) return;
    const stop = followCorpusEvents(queryClient, setOpen);
    return () => {
      stop();
      setOpen(false);
    };
  }, [queryClient]);
}

/** True while corpus events arrive through the stream. */
export function useCorpusStreaming(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => open,
    () => false,
  );
}
