/**
 * The threshold while the marker is dragged: local state for instant feedback, written to the URL
 * (replace, not push) at most every 150 ms and once more when the drag ends.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const URL_EVERY_MS = 150;

/** `live` overrides the URL's threshold during a drag; `change` and `end` feed it. */
export function useLiveThreshold(urlThreshold: number | undefined, write: (t: number) => void) {
  const [live, setLive] = useState<number | undefined>(undefined);
  const dragging = useRef(false);
  const lastWrite = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<number | undefined>(undefined);

  // The URL caught up (or changed elsewhere): drop the local value unless a drag is on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to URL changes only
  useEffect(() => {
    if (!dragging.current) setLive(undefined);
  }, [urlThreshold]);
  useEffect(() => () => clearTimeout(pending.current), []);

  const flush = useCallback(() => {
    clearTimeout(pending.current);
    pending.current = undefined;
    lastWrite.current = performance.now();
    if (latest.current !== undefined) write(latest.current);
  }, [write]);

  const change = useCallback(
    (threshold: number, fromDrag: boolean) => {
      latest.current = threshold;
      if (!fromDrag) {
        write(threshold);
        return;
      }
      dragging.current = true;
      setLive(threshold);
      const wait = URL_EVERY_MS - (performance.now() - lastWrite.current);
      if (wait <= 0) flush();
      else if (pending.current === undefined) pending.current = setTimeout(flush, wait);
    },
    [write, flush],
  );

  const end = useCallback(() => {
    dragging.current = false;
    flush();
  }, [flush]);

  return { live, change, end };
}
