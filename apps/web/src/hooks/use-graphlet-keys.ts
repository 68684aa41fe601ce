/** ArrowLeft/ArrowRight (or [ and ]) step through graphlets, unless typing in a field or a widget took the key. */
import { useShortcutKeys } from './use-shortcut-keys.ts';

/** Calls `onStep(-1 | 1)` on the stepping keys. */
export function useGraphletKeys(onStep: (delta: 1 | -1) => void): void {
  const back = () => onStep(-1);
  const forward = () => onStep(1);
  useShortcutKeys({ arrowleft: back, '[': back, arrowright: forward, ']': forward });
}
