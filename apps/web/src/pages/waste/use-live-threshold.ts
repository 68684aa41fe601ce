/**
 * The threshold as the marker moves: local state for feedback within a frame, written to the URL
 * (replace, not push) at most every 150 ms and once more when a drag ends. The local value gives
 * way to the URL's once no write is pending and no drag is on (so back/forward still apply).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const URL_EVERY_MS = 150;

/** `live` overrides the URL's threshold while it catches up; `change` and `end` feed it. */
export function useLiveThreshold(urlThreshold: number | undefined, write: (t: number) => void) {
  const [live, setLive] = useState<number | undefined>(undefined);
  const dragging = useRef(false);
  const lastWrite = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<number | undefined>(undefined);
  const writeRef = useRef(write);
  writeRef.current = write;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to URL changes only
  useEffect(() => {
    if (!dragging.current && pending.current === undefined) setLive(undefined);
  }, [urlThreshold]);
  useEffect(() => () => clearTimeout(pending.current), []);

  const flush = useCallback(() => {
    clearTimeout(pending.current);
    pending.current = undefined;
    lastWrite.current = performance.now();
    if (latest.current !== undefined) writeRef.current(latest.current);
  }, []);

  const change = useCallback(
    (threshold: number, fromDrag: boolean) => {
      latest.current = threshold;
      if (fromDrag) dragging.current = true;
      setLive(threshold);
      // Always in a later task, so the marker and numbers commit alone, without the route's
      // re-render that a URL write causes.
      const wait = URL_EVERY_MS - (performance.now() - lastWrite.current);
      pending.current ??= setTimeout(flush, Math.max(0, wait));
    },
    [flush],
  );

  const end = useCallback(() => {
    dragging.current = false;
    flush();
  }, [flush]);

  return { live, change, end };
}
