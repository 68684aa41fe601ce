// Interning of doubles: a small open-addressing hash table over their bits. For the millions of
// split thresholds of a large forest it beats a Map<number, number> (full forest bench: predict
// 1.40-1.44 s against 1.63-1.85 s). -0 is interned as 0 (they compare equal).

const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

/** A growing set of distinct non-NaN doubles, each numbered in order of first insertion. */
export class DistinctFloats {
  values = new Float64Array(16);
  size = 0;
  private slots = new Int32Array(64).fill(-1);

  /** The number of `value` (not NaN) in this set, adding it if new. */
  intern(value: number): number {
    const v = value === 0 ? 0 : value;
    const mask = this.slots.length - 1;
    for (let s = hash(v) & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]!;
      if (id < 0) return this.add(v, s);
      if (this.values[id] === v) return id;
    }
  }

  private add(v: number, slot: number): number {
    const id = this.size++;
    if (id === this.values.length) {
      const grown = new Float64Array(2 * id);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[id] = v;
    this.slots[slot] = id;
    if (4 * this.size > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let s = hash(this.values[id]!) & mask;
      while (this.slots[s]! >= 0) s = (s + 1) & mask;
      this.slots[s] = id;
    }
  }
}

function hash(v: number): number {
  scratch[0] = v;
  const h = Math.imul(scratchBits[0]! ^ Math.imul(scratchBits[1]!, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}
