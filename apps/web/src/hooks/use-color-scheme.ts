/** The system colour scheme (prefers-color-scheme), following changes while the page is open. */
import { useSyncExternalStore } from 'react';
import type { ColorScheme } from '../lib/graph/canvas-palette.ts';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = globalThis.matchMedia?.(QUERY);
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}

function current(): ColorScheme {
  return globalThis.matchMedia?.(QUERY).matches === true ? 'dark' : 'light';
}

/** `dark` when the system prefers a dark scheme, else `light`. */
export function useColorScheme(): ColorScheme {
  return useSyncExternalStore(subscribe, current, () => 'light');
}
