/**
 * Everything the server keeps in memory between requests (loaded traces, their laid-out JSON,
 * list answers, waste models) in ONE least-recently-used map under ONE byte budget
 * (`CACHE_BYTES`); `invalidateCorpus` is the one path that drops what a corpus change outdates.
 */
import { LRUCache } from 'lru-cache';

/** What an entry holds; every kind but waste models is derived from the corpus. */
export type CacheKind = 'trace' | 'layout' | 'list' | 'waste-model';

/** A value with an estimate of the bytes it keeps alive. */
export interface Sized<T> {
  readonly value: T;
  readonly bytes: number;
}

/** The cache's counters, for tests and the operator. */
export interface CacheStats {
  readonly entries: number;
  readonly bytes: number;
  readonly maxBytes: number;
  /** Misses that ran their loader. */
  readonly loads: number;
  readonly hits: number;
}

interface Entry {
  readonly kind: CacheKind;
  readonly value: unknown;
  readonly bytes: number;
}

/** One LRU map of every cached answer, weighed in bytes; a value larger than the budget is not kept. */
export class ServerCache {
  private readonly lru: LRUCache<string, Entry>;
  private loads = 0;
  private hits = 0;
  private readonly loading = new Map<string, Promise<unknown>>();
  /** Counts corpus invalidations, so a load that raced one is not kept. */
  private corpusVersion = 0;
  private broadcast: (() => void) | undefined;

  constructor(maxBytes: number) {
    this.lru = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      sizeCalculation: (entry) => Math.max(1, Math.ceil(entry.bytes)),
    });
  }

  /** The value of `kind` under `id`, loaded and kept on a miss; undefined (not found) is not kept. */
  get<T>(kind: CacheKind, id: string, load: () => Sized<T> | undefined): T | undefined {
    const key = keyOf(kind, id);
    const hit = this.lru.get(key);
    if (hit !== undefined) {
      this.hits++;
      return hit.value as T;
    }
    this.loads++;
    const loaded = load();
    if (loaded === undefined) return undefined;
    this.lru.set(key, { kind, value: loaded.value, bytes: loaded.bytes });
    return loaded.value;
  }

  /**
   * As `get`, with a loader that reads the store asynchronously; what it loads is not kept when
   * the corpus changed meanwhile (it may be older than the change).
   */
  load<T>(
    kind: CacheKind,
    id: string,
    load: () => Promise<Sized<T> | undefined>,
  ): Promise<T | undefined> {
    const key = keyOf(kind, id);
    const hit = this.lru.get(key);
    if (hit !== undefined) {
      this.hits++;
      return Promise.resolve(hit.value as T);
    }
    // Callers asking while it loads share the one load (and count as hits).
    const loading = this.loading.get(key);
    if (loading !== undefined) {
      this.hits++;
      return loading as Promise<T | undefined>;
    }
    this.loads++;
    const version = this.corpusVersion;
    const pending: Promise<T | undefined> = load()
      .then((loaded) => {
        if (loaded === undefined) return undefined;
        if (kind === 'waste-model' || version === this.corpusVersion) {
          this.lru.set(key, { kind, value: loaded.value, bytes: loaded.bytes });
        }
        return loaded.value;
      })
      .finally(() => {
        if (this.loading.get(key) === pending) this.loading.delete(key);
      });
    this.loading.set(key, pending);
    return pending;
  }

  /** A list answer as JSON text, computed from the store and kept on a miss. */
  async jsonOf(key: string, compute: () => Promise<unknown>): Promise<string> {
    const text = await this.load('list', key, async () => {
      const json = JSON.stringify(await compute());
      return { value: json, bytes: json.length };
    });
    return text!;
  }

  /** Whether `kind` under `id` is cached now (no load, no change of recency). */
  has(kind: CacheKind, id: string): boolean {
    return this.lru.has(keyOf(kind, id));
  }

  /** A list answer as JSON text, computed and kept on a miss. */
  json(key: string, compute: () => unknown): string {
    return this.get('list', key, () => {
      const text = JSON.stringify(compute());
      return { value: text, bytes: text.length };
    })!;
  }

  /**
   * Re-weighs `value`, stored under `id`, which grew by `bytes` after it was stored (a layout's
   * gzip, a trace's statistics view, made on demand); nothing when it is no longer cached.
   */
  grew(kind: CacheKind, id: string, value: unknown, bytes: number): void {
    const key = keyOf(kind, id);
    const entry = this.lru.peek(key);
    if (entry !== undefined && entry.value === value) {
      this.lru.set(key, { ...entry, bytes: entry.bytes + bytes });
    }
  }

  /** Drops one entry (a deleted waste model). */
  drop(kind: CacheKind, id: string): void {
    this.lru.delete(keyOf(kind, id));
  }

  /** Drops every entry derived from the corpus: sources or traces changed (an import, a delete). */
  invalidateCorpus(): void {
    this.dropCorpus();
    this.broadcast?.();
  }

  /** Tells `broadcast` of every later invalidation (other API processes drop theirs too). */
  shareInvalidations(broadcast: () => void): void {
    this.broadcast = broadcast;
  }

  /** Drops the corpus-derived entries without telling anyone (another process changed the corpus). */
  dropCorpus(): void {
    this.corpusVersion++;
    // A load in flight may predate the change: later callers start their own.
    this.loading.clear();
    const outdated = [...this.lru.entries()].filter(([, e]) => e.kind !== 'waste-model');
    for (const [key] of outdated) this.lru.delete(key);
  }

  /** Entries, bytes held against the budget, loads and hits so far. */
  stats(): CacheStats {
    return {
      entries: this.lru.size,
      bytes: this.lru.calculatedSize,
      maxBytes: this.lru.maxSize,
      loads: this.loads,
      hits: this.hits,
    };
  }
}

function keyOf(kind: CacheKind, id: string): string {
  return `${kind}\u0000${id}`;
}
