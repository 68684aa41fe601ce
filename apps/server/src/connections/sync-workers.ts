/** The sync worker threads of a process, one per connection, kept between its syncs. */
import { SyncWorker } from './sync-worker.ts';

/** Each connection's SyncWorker, started on its first sync. */
export class SyncWorkers {
  private readonly workers = new Map<string, SyncWorker>();

  /** The connection's worker (started now if it has none). */
  of(id: string): SyncWorker {
    let worker = this.workers.get(id);
    if (worker === undefined) {
      worker = new SyncWorker();
      this.workers.set(id, worker);
    }
    return worker;
  }

  /** Terminates one connection's worker (the connection was removed). */
  close(id: string): void {
    this.workers.get(id)?.close();
    this.workers.delete(id);
  }

  /** Terminates every worker (after the syncs stopped). */
  closeAll(): void {
    for (const worker of this.workers.values()) worker.close();
    this.workers.clear();
  }
}
