/** Single-key shortcuts (no modifier) for a page, ignored while typing in a field. */
import { useEffect, useRef } from 'react';

const TYPING = 'input, textarea, select, [contenteditable="true"]';

/** Calls `handlers[key]` on a plain key press of `key` (e.g. `f`). */
export function useShortcutKeys(handlers: Readonly<Record<string, () => void>>): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const { target } = event;
      if (target instanceof Element && target.closest(TYPING)) return;
      const handler = current.current[event.key.toLowerCase()];
      if (handler === undefined) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
