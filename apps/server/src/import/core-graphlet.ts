/** Back from the stored form to core's Graphlet, for core functions that take graphlets. */
import type { Graphlet } from '@graphlet/core';
import type { StoredGraphlet } from '../store/imported-source.ts';

/** The core Graphlet of a stored graphlet (ids re-branded, null times as undefined). */
export function toCoreGraphlet(g: StoredGraphlet): Graphlet {
  const { metrics: _, ...rest } = g;
  return {
    ...rest,
    startMs: g.startMs ?? undefined,
    endMs: g.endMs ?? undefined,
  } as unknown as Graphlet;
}
