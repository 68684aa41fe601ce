/**
 * The server's corpus events, fanned out to open pages through /api/jobs/events: which traces a
 * sync or an OpenLineage post added or rebuilt, and connection state changes.
 */
import type { Connection, CorpusChange } from '@graphlet/contract';

export type CorpusEvent =
  | { readonly type: 'change'; readonly change: CorpusChange }
  | { readonly type: 'connection'; readonly connection: Connection };

/** Publish/subscribe of corpus events (in memory; a page that reconnects refetches). */
export class CorpusEvents {
  private readonly listeners = new Set<(event: CorpusEvent) => void>();

  /** Calls `listener` on every event from now on; returns the unsubscribe function. */
  subscribe(listener: (event: CorpusEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends `event` to every subscriber. */
  publish(event: CorpusEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Announces that traces of a source were added or rebuilt (nothing when none). */
  changed(sourceId: string, traces: readonly string[]): void {
    if (traces.length > 0)
      this.publish({ type: 'change', change: { sourceId, traces: [...traces] } });
  }
}
