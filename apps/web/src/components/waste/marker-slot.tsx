/**
 * The threshold marker as a stable chart child: its props come through context, so moving the
 * marker re-renders the marker only, not the memoised chart around it.
 */
import { createContext, useContext } from 'react';
import { ThresholdMarker, type ThresholdMarkerProps } from './threshold-marker.tsx';

export const MarkerContext = createContext<ThresholdMarkerProps | null>(null);

/** Renders the marker from context; nothing without one. */
export function MarkerSlot() {
  const props = useContext(MarkerContext);
  return props === null ? null : <ThresholdMarker {...props} />;
}
