/**
 * Each key → the first item that has it, as a read-only Map: the model's two large indexes
 * (server → DP, group key → group). Inside `validate` of 125,000 DPs, inserting their names
 * into a Map took 70–100 ms per index (the names are not hashed yet, and the Map's table grows
 * by rehashing); this index takes 15–30 ms: one Int32Array of item positions, open addressing
 * with linear probing at a load of at most one half. (Measured again alone in stop 20, on 125,000
 * servers: 26–44 ms to build against 19–37 ms for a Map; the reads of each slot and key cost more
 * than the hashing. The gain above is not confirmed outside validate.)
 *
 * The hash is FNV-1a over the key's UTF-16 code units from a per-process random basis, finished
 * by murmur3's mixer so that the table's low bits depend on every bit: as with V8's own seeded
 * string hash, a document cannot be written to make every name collide.
 */
const SEED = (Math.random() * 0x1_0000_0000) >>> 0;
const EMPTY = -1;

function hashOf(key: string): number {
  let h = SEED ^ 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class FirstIndex<V> implements ReadonlyMap<string, V> {
  readonly size: number;
  private readonly mask: number;
  /** Position in `items` of the first item of each key, at its probe position; EMPTY elsewhere. */
  private readonly slots: Int32Array;
  /** Each item's key, by position. */
  private readonly keyAt: string[];
  /** Positions of the first items, in the items' order (the order the index iterates in), in its first `size` slots. */
  private readonly firsts: Int32Array;

  constructor(
    private readonly items: readonly V[],
    keyOf: (item: V) => string,
  ) {
    let capacity = 16;
    while (capacity < items.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity).fill(EMPTY);
    this.keyAt = new Array<string>(items.length);
    this.firsts = new Int32Array(items.length);
    let size = 0;
    for (let i = 0; i < items.length; i++) {
      const key = keyOf(items[i]);
      this.keyAt[i] = key;
      const slot = this.find(key);
      if (this.slots[slot] === EMPTY) {
        this.slots[slot] = i;
        this.firsts[size++] = i;
      }
    }
    this.size = size;
  }

  /** The slot that holds `key`, or the empty slot where it would go. */
  private find(key: string): number {
    const { slots, mask, keyAt } = this;
    let slot = hashOf(key) & mask;
    for (;;) {
      const at = slots[slot];
      if (at === EMPTY || keyAt[at] === key) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private positionOf(key: unknown): number {
    return typeof key === "string" ? this.slots[this.find(key)] : EMPTY;
  }

  get(key: string): V | undefined {
    const at = this.positionOf(key);
    return at === EMPTY ? undefined : this.items[at];
  }

  has(key: string): boolean {
    return this.positionOf(key) !== EMPTY;
  }

  *entries(): MapIterator<[string, V]> {
    for (let i = 0; i < this.size; i++) yield [this.keyAt[this.firsts[i]], this.items[this.firsts[i]]];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.size; i++) yield this.keyAt[this.firsts[i]];
  }

  *values(): MapIterator<V> {
    for (let i = 0; i < this.size; i++) yield this.items[this.firsts[i]];
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.size; i++) fn.call(thisArg, this.items[this.firsts[i]], this.keyAt[this.firsts[i]], this);
  }
}
