/**
 * Makes the traces a sync writes visible while it runs, at most once a second: the results cache
 * cleared, cached corpus answers dropped (in every API process) and open pages told which traces
 * changed. A long first sync shows its pipelines as they arrive without a storm of invalidations.
 */
import type { Store } from '../store/store.ts';

/** How often, at most, a long sync makes its new traces visible. */
const PUBLISH_MS = 1000;

/** What publishing needs of the process (the sync job's deps). */
export interface PublishDeps {
  readonly store: Pick<Store, 'clearResultsUnlessSynced'>;
  readonly invalidate: () => void;
  readonly changed: (sourceId: string, traces: readonly string[]) => void;
}

/** The written traces of one connection's sync in this process, published in batches. */
export class SyncPublisher {
  private readonly deps: PublishDeps;
  private readonly connectionId: string;
  private pending: string[] = [];
  private last = Date.now();
  private timer: NodeJS.Timeout | undefined;

  constructor(deps: PublishDeps, connectionId: string) {
    this.deps = deps;
    this.connectionId = connectionId;
  }

  /** Adds a written trace: published now if the last batch is a second old, else a moment later. */
  async add(traceId: string): Promise<void> {
    this.pending.push(traceId);
    const wait = PUBLISH_MS - (Date.now() - this.last);
    if (wait <= 0) return this.flush();
    this.timer ??= setTimeout(() => {
      this.flush().catch((error: unknown) =>
        console.error(`sync: ${this.connectionId}: publishing its new traces failed`, error),
      );
    }, wait).unref();
  }

  /** Publishes the pending traces, if any (a sync that stopped part way shows what it wrote). */
  async settle(): Promise<void> {
    if (this.pending.length > 0) await this.flush();
  }

  /** Publishes now, pending traces or none: cached answers are dropped either way. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const traces = this.pending;
    this.pending = [];
    this.last = Date.now();
    // Unless the sync has finished: another worker's last batch may come after the fan-in
    // cached the statistics of every trace, this one's among them.
    await this.deps.store.clearResultsUnlessSynced(this.connectionId);
    this.deps.invalidate();
    this.deps.changed(this.connectionId, traces);
  }
}
