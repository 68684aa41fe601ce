/**
 * Hands out store-wide unique positive integer ids: a requested id is kept when still free, else
 * replaced by one past the largest id seen. A bitmap tracks ids up to 2^28 (32 MB at most);
 * larger ids fall back to a Set.
 */
const BITMAP_LIMIT = 2 ** 28;

/** Allocates unique ids, preferring the ones asked for. */
export class IdAllocator {
  private bits = new Uint8Array(1024);
  private readonly large = new Set<number>();
  private max: number;

  /** Fresh ids start after `largest` (the largest id a store being appended to holds). */
  constructor(largest = 0) {
    this.max = largest;
  }

  /** Marks ids as used elsewhere (rows already in the store). */
  markTaken(ids: Iterable<number>): void {
    for (const id of ids) if (Number.isSafeInteger(id) && id > 0) this.mark(id);
  }

  /** Returns `wanted` if it is a free positive safe integer, else a fresh id. */
  claim(wanted: number): number {
    const id =
      Number.isSafeInteger(wanted) && wanted > 0 && !this.taken(wanted) ? wanted : this.max + 1;
    this.mark(id);
    return id;
  }

  private taken(id: number): boolean {
    if (id >= BITMAP_LIMIT) return this.large.has(id);
    const byte = id >>> 3;
    return byte < this.bits.length && (this.bits[byte]! & (1 << (id & 7))) !== 0;
  }

  private mark(id: number): void {
    if (id > this.max) this.max = id;
    if (id >= BITMAP_LIMIT) {
      this.large.add(id);
      return;
    }
    const byte = id >>> 3;
    if (byte >= this.bits.length) {
      let size = this.bits.length * 2;
      while (size <= byte) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.bits);
      this.bits = next;
    }
    this.bits[byte]! |= 1 << (id & 7);
  }
}
