/**
 * The `skip` search param linking the Waste page to a trace: `<model>:<variant>:<threshold>`, e.g.
 * `wm-7:RF:Input+Pre:0.35`. Variants contain colons, so the model ends at the first colon and the
 * threshold starts after the last.
 */
import { isWasteVariant, type WasteVariant } from '@graphlet/core';

/** Which model's variant at which threshold decides the skipped graphlets. */
export interface SkipSelection {
  readonly model: string;
  readonly variant: WasteVariant;
  readonly threshold: number;
}

/** The param text of a selection. */
export function formatSkipParam(skip: SkipSelection): string {
  return `${skip.model}:${skip.variant}:${skip.threshold}`;
}

/** The selection in `text`, or undefined when it is malformed. */
export function parseSkipParam(text: string | undefined): SkipSelection | undefined {
  if (text === undefined) return undefined;
  const first = text.indexOf(':');
  const last = text.lastIndexOf(':');
  if (first <= 0 || last <= first) return undefined;
  const model = text.slice(0, first);
  const variant = text.slice(first + 1, last);
  const raw = text.slice(last + 1);
  const threshold = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!isWasteVariant(variant) || !(threshold >= 0 && threshold <= 1)) return undefined;
  return { model, variant, threshold };
}

/** The trace page with the graphlets `skip` would skip marked. */
export function traceHref(traceId: string, skip: string): string {
  return `/traces/${encodeURIComponent(traceId)}?skip=${encodeURIComponent(skip)}`;
}
