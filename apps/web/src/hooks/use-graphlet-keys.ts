/** ArrowLeft/ArrowRight (or [ and ]) step through graphlets, unless typing in a field or a widget took the key. */
import { useEffect, useRef } from 'react';

const TYPING = 'input, textarea, select, [contenteditable="true"]';

/** Calls `onStep(-1 | 1)` on the stepping keys. */
export function useGraphletKeys(onStep: (delta: 1 | -1) => void): void {
  const handler = useRef(onStep);
  handler.current = onStep;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const { target } = event;
      if (target instanceof Element && target.closest(TYPING)) return;
      if (event.key === 'ArrowLeft' || event.key === '[') handler.current(-1);
      else if (event.key === 'ArrowRight' || event.key === ']') handler.current(1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
