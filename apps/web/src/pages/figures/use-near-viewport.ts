/**
 * Whether an element has come within `margin` of the viewport (once true, stays true): panels far
 * below the fold render their charts only when scrolled near, so the page is interactive at once.
 */
import { type RefObject, startTransition, useEffect, useState } from 'react';

/** True once `ref`'s element is within `margin` px of the viewport; always true without IntersectionObserver. */
export function useNearViewport(ref: RefObject<Element | null>, margin = 300): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || element === null) return;
    const observer = new IntersectionObserver(
      (entries) => {
        // A transition: React renders the charts in slices, so input is never blocked long.
        if (entries.some((e) => e.isIntersecting)) startTransition(() => setNear(true));
      },
      { rootMargin: `${margin}px 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, near, margin]);
  return near;
}
