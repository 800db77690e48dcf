// A min-heap of events by (time, sequence), holding numbers only: each entry's time, sequence and slot (where
// the scheduler keeps the event itself) side by side in one typed array, so a level of a sift reads a few
// neighbouring cache lines, and the garbage collector has nothing in it to scan or to track writes into.

const INITIAL = 1024;
const ENTRY = 3;
/**
 * Children per node. Four halve the depth of a binary heap: in a large heap each level down is a likely cache
 * miss, and comparing four neighbouring children costs less than one.
 */
const ARITY = 4;

export class EventHeap {
  private heap = new Float64Array(INITIAL * ENTRY);
  size = 0;

  /** The earliest entry's time (the heap must not be empty). */
  get time(): number {
    return this.heap[0];
  }

  /** Whether the earliest entry comes before `other`'s (which must not be empty). */
  before(other: EventHeap): boolean {
    return this.heap[0] < other.heap[0] || (this.heap[0] === other.heap[0] && this.heap[1] < other.heap[1]);
  }

  push(t: number, s: number, slot: number): void {
    if (this.size * ENTRY === this.heap.length) {
      const bigger = new Float64Array(this.heap.length * 2);
      bigger.set(this.heap);
      this.heap = bigger;
    }
    const heap = this.heap;
    let i = this.size++;
    while (i > 0) {
      const parent = ((i - 1) / ARITY) | 0;
      const p = parent * ENTRY;
      const pt = heap[p];
      if (!(t < pt || (t === pt && s < heap[p + 1]))) break;
      copyEntry(heap, i * ENTRY, p);
      i = parent;
    }
    setEntry(heap, i * ENTRY, t, s, slot);
  }

  /** Removes the earliest entry and returns its slot: the last entry moves down from the top to its place. */
  pop(): number {
    const heap = this.heap;
    const slot = heap[2] | 0;
    const n = --this.size;
    if (n === 0) return slot;
    const last = n * ENTRY;
    const t = heap[last];
    const s = heap[last + 1];
    const moved = heap[last + 2];
    let i = 0;
    for (;;) {
      const first = ARITY * i + 1;
      if (first >= n) break;
      // The earliest of the children.
      let child = first;
      let c = child * ENTRY;
      const end = Math.min(first + ARITY, n);
      for (let j = first + 1; j < end; j++) {
        const r = j * ENTRY;
        if (heap[r] < heap[c] || (heap[r] === heap[c] && heap[r + 1] < heap[c + 1])) {
          child = j;
          c = r;
        }
      }
      const ct = heap[c];
      if (!(ct < t || (ct === t && heap[c + 1] < s))) break;
      copyEntry(heap, i * ENTRY, c);
      i = child;
    }
    setEntry(heap, i * ENTRY, t, s, moved);
    return slot;
  }
}

function copyEntry(heap: Float64Array, to: number, from: number): void {
  heap[to] = heap[from];
  heap[to + 1] = heap[from + 1];
  heap[to + 2] = heap[from + 2];
}

function setEntry(heap: Float64Array, at: number, t: number, s: number, slot: number): void {
  heap[at] = t;
  heap[at + 1] = s;
  heap[at + 2] = slot;
}
