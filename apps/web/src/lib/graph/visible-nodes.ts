/** Which nodes pass the trace page's filters: roles, a time window, and the "graphlet only" focus. */
import type { NodeRole } from '../roles.ts';
import type { TraceModel } from './trace-model.ts';

export interface NodeFilter {
  /** Roles to keep; empty keeps every role. */
  readonly roles: readonly NodeRole[];
  /** Node times (see node-times.ts); with fromMs/toMs, nodes outside are dropped, NaN kept. */
  readonly times?: Float64Array | undefined;
  /** Inclusive bounds in ms since the epoch. */
  readonly fromMs?: number | undefined;
  readonly toMs?: number | undefined;
  /** When set, only these node indices are kept. */
  readonly only?: Int32Array | undefined;
}

/** A mark per node: 1 when it passes the filter. */
export function visibleNodes(model: TraceModel, filter: NodeFilter): Uint8Array {
  const n = model.nodes.length;
  const keep = new Uint8Array(n);
  if (filter.only !== undefined) for (const i of filter.only) keep[i] = 1;
  else keep.fill(1);
  const roles = filter.roles.length === 0 ? undefined : new Set(filter.roles);
  const from = filter.fromMs ?? Number.NEGATIVE_INFINITY;
  const to = filter.toMs ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (keep[i] === 0) continue;
    if (roles !== undefined && !roles.has(model.roles[i]!)) keep[i] = 0;
    const t = filter.times?.[i] ?? Number.NaN;
    if (!Number.isNaN(t) && (t < from || t > to)) keep[i] = 0;
  }
  return keep;
}

/** Inclusive ms bounds of a `YYYY-MM-DD` day window (UTC); undefined ends stay open. */
export function dayWindow(from?: string, to?: string): { fromMs?: number; toMs?: number } {
  const out: { fromMs?: number; toMs?: number } = {};
  if (from !== undefined) out.fromMs = Date.parse(`${from}T00:00:00Z`);
  if (to !== undefined) out.toMs = Date.parse(`${to}T23:59:59.999Z`);
  return out;
}
