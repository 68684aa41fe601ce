/** Answers of the list routes as JSON text, per query, until the corpus changes (import or delete). */

const MAX_ENTRIES = 256;

/** A cache of serialised list answers, emptied on every change of the corpus. */
export class ListCache {
  private readonly entries = new Map<string, string>();

  /** The cached text under `key`, computed and kept on a miss. */
  get(key: string, compute: () => unknown): string {
    let text = this.entries.get(key);
    if (text === undefined) {
      text = JSON.stringify(compute());
      // Queries are free text, so the cache is bounded; dropping it all is simple and rare.
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, text);
    }
    return text;
  }

  /** Forgets every answer: sources or traces changed. */
  invalidate(): void {
    this.entries.clear();
  }
}
