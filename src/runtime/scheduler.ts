// A deterministic discrete-event scheduler: events fire in (time, sequence) order, so two events at the same
// instant fire in the order they were scheduled — never in an order that depends on the heap's layout.
//
// The heap keeps numbers only — each event's time, sequence and slot, side by side in a typed array — and
// the events themselves stay put in a slot table while the heap reorders. A sift then moves three numbers per
// level instead of object pointers, and a long queue (hundreds of thousands of events in flight) costs the
// garbage collector nothing to scan or to track writes into. An event is its action and two arguments in the
// slot table, not an object: only an event that can be cancelled (`at`, `after`) has one, its Timer.

export type Action = () => void;

/** A scheduled event; `cancel` makes it a no-op (cheaper than removing it from the heap). */
export interface Timer {
  readonly time: number;
  cancelled: boolean;
}

/** An event's action and the two arguments it is called with (so a caller need not allocate a closure). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Call = (a: any, b: any) => void;

class Cancellable implements Timer {
  cancelled = false;
  constructor(readonly time: number) {}
}

const INITIAL = 1024;
/** A heap entry is three numbers side by side — time, sequence, slot — so a sift reads one cache line per level. */
const ENTRY = 3;
/**
 * Children per heap node. Four halves the depth of a binary heap: with hundreds of thousands of events pending,
 * each level down is a likely cache miss, and comparing four neighbouring children costs less than one.
 */
const ARITY = 4;
/** An event's slot holds four values side by side: action, its two arguments, its timer (if it has one). */
const SLOT = 4;

export class Scheduler {
  /** Simulated seconds since the start. */
  now = 0;
  /** Events fired so far (cancelled ones not counted). */
  fired = 0;
  /** The heap, by position: time, sequence and slot of each event. */
  private heap = new Float64Array(INITIAL * ENTRY);
  private size = 0;
  /** The events by slot, and the slots free for reuse. */
  private readonly slots: unknown[] = [];
  private free = new Int32Array(INITIAL);
  private freeCount = 0;
  private seq = 0;
  private stopped = false;

  get pending(): number {
    return this.size;
  }

  at(time: number, action: Action): Timer {
    const timer = new Cancellable(time < this.now ? this.now : time);
    this.push(timer.time, action, undefined, undefined, timer);
    return timer;
  }

  /** Calls `action(a, b)` at `time`: an event that needs no closure of its own, and cannot be cancelled. */
  call<A, B>(time: number, action: (a: A, b: B) => void, a: A, b: B): void {
    this.push(time < this.now ? this.now : time, action, a, b, undefined);
  }

  private push(t: number, action: Call, a: unknown, b: unknown, timer: Cancellable | undefined): void {
    const slots = this.slots;
    let slot: number;
    if (this.freeCount > 0) {
      slot = this.free[--this.freeCount];
      const k = slot * SLOT;
      slots[k] = action;
      slots[k + 1] = a;
      slots[k + 2] = b;
      slots[k + 3] = timer;
    } else {
      slot = slots.length / SLOT;
      slots.push(action, a, b, timer);
    }
    if (this.size * ENTRY === this.heap.length) this.heap = grown(this.heap, Float64Array);
    const s = this.seq++;
    const heap = this.heap;
    let i = this.size++;
    while (i > 0) {
      const parent = ((i - 1) / ARITY) | 0;
      const p = parent * ENTRY;
      const pt = heap[p];
      if (!(t < pt || (t === pt && s < heap[p + 1]))) break;
      const k = i * ENTRY;
      heap[k] = pt;
      heap[k + 1] = heap[p + 1];
      heap[k + 2] = heap[p + 2];
      i = parent;
    }
    const k = i * ENTRY;
    heap[k] = t;
    heap[k + 1] = s;
    heap[k + 2] = slot;
  }

  after(delay: number, action: Action): Timer {
    return this.at(this.now + delay, action);
  }

  /** Ends `run` after the current event. */
  stop(): void {
    this.stopped = true;
  }

  /** Fires events in order until none is left, `until` is passed, or `stop` is called. */
  run(until = Infinity, onEvent?: () => void): void {
    this.stopped = false;
    const slots = this.slots;
    while (this.size > 0 && !this.stopped) {
      const time = this.heap[0];
      if (time > until) break;
      const slot = this.heap[2] | 0;
      this.pop();
      const k = slot * SLOT;
      const action = slots[k] as Call;
      const a = slots[k + 1];
      const b = slots[k + 2];
      const timer = slots[k + 3] as Cancellable | undefined;
      slots[k] = slots[k + 1] = slots[k + 2] = slots[k + 3] = undefined;
      if (this.freeCount === this.free.length) this.free = grown(this.free, Int32Array);
      this.free[this.freeCount++] = slot;
      if (timer?.cancelled) continue;
      this.now = time;
      this.fired++;
      action(a, b);
      onEvent?.();
    }
    if (!this.stopped && until !== Infinity && this.now < until && this.size > 0) this.now = until;
  }

  /** Removes the root: the last event moves down from the top to its place. */
  private pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const heap = this.heap;
    const last = n * ENTRY;
    const t = heap[last];
    const s = heap[last + 1];
    const slot = heap[last + 2];
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
      const k = i * ENTRY;
      heap[k] = ct;
      heap[k + 1] = heap[c + 1];
      heap[k + 2] = heap[c + 2];
      i = child;
    }
    const k = i * ENTRY;
    heap[k] = t;
    heap[k + 1] = s;
    heap[k + 2] = slot;
  }
}

function grown<A extends Float64Array | Int32Array>(a: A, Kind: { new (n: number): A }): A {
  const b = new Kind(a.length * 2);
  b.set(a);
  return b;
}
