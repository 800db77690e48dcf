// A deterministic discrete-event scheduler: events fire in (time, sequence) order, so two events at the same
// instant fire in the order they were scheduled — never in an order that depends on the heaps' layout.
//
// The events stay put in a slot table — an event is its action and arguments there, not an object; only an
// event that can be cancelled (`at`, `after`) has one, its Timer — while heaps of numbers order them. There are
// two heaps: events due within HORIZON of their scheduling (frames on wires, the next step of a process) and
// later ones (retransmission and retry timers, TIME-WAIT). At 10,000 orders the later ones are most of the
// ~180k pending, and kept apart they leave the heap that nearly every event goes through small enough to stay
// in cache. The earlier of the two heaps' first events fires next.
import { EventHeap } from './event-heap.js';

export type Action = () => void;

/** A scheduled event; `cancel` makes it a no-op (cheaper than removing it from the heap). */
export interface Timer {
  readonly time: number;
  cancelled: boolean;
}

/** An event's action and the arguments it is called with (so a caller need not allocate a closure). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Call = (a: any, b: any, n: number) => void;

class Cancellable implements Timer {
  cancelled = false;
  constructor(readonly time: number) {}
}

const INITIAL = 1024;
/** An event's slot holds five values side by side: action, its three arguments, its timer (if it has one). */
const SLOT = 5;
/** Seconds ahead within which an event goes to the near heap. */
const HORIZON = 0.1;

export class Scheduler {
  /** Simulated seconds since the start. */
  now = 0;
  /** Events fired so far (cancelled ones not counted). */
  fired = 0;
  private readonly near = new EventHeap();
  private readonly far = new EventHeap();
  /** The events by slot, and the slots free for reuse. */
  private readonly slots: unknown[] = [];
  private free: Int32Array = new Int32Array(INITIAL);
  private freeCount = 0;
  private seq = 0;
  private stopped = false;

  get pending(): number {
    return this.near.size + this.far.size;
  }

  at(time: number, action: Action): Timer {
    const timer = new Cancellable(time < this.now ? this.now : time);
    this.push(timer.time, action, undefined, undefined, 0, timer);
    return timer;
  }

  /**
   * Calls `action(a, b, n)` at `time`: an event that needs no closure of its own, and cannot be cancelled. A
   * number rides in the slot itself, so the action need not read it from an object (likely out of cache).
   */
  call<A, B>(time: number, action: (a: A, b: B, n: number) => void, a: A, b: B, n: number): void {
    this.push(time < this.now ? this.now : time, action, a, b, n, undefined);
  }

  private push(t: number, action: Call, a: unknown, b: unknown, n: number, timer: Cancellable | undefined): void {
    const slots = this.slots;
    let slot: number;
    if (this.freeCount > 0) {
      slot = this.free[--this.freeCount];
      const k = slot * SLOT;
      slots[k] = action;
      slots[k + 1] = a;
      slots[k + 2] = b;
      slots[k + 3] = n;
      slots[k + 4] = timer;
    } else {
      slot = slots.length / SLOT;
      slots.push(action, a, b, n, timer);
    }
    (t - this.now < HORIZON ? this.near : this.far).push(t, this.seq++, slot);
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
    const near = this.near;
    const far = this.far;
    while ((near.size > 0 || far.size > 0) && !this.stopped) {
      const heap = far.size === 0 || (near.size > 0 && near.before(far)) ? near : far;
      const time = heap.time;
      if (time > until) break;
      const k = heap.pop() * SLOT;
      const action = slots[k] as Call;
      const a = slots[k + 1];
      const b = slots[k + 2];
      const n = slots[k + 3] as number;
      const timer = slots[k + 4] as Cancellable | undefined;
      slots[k] = slots[k + 1] = slots[k + 2] = slots[k + 4] = undefined;
      if (this.freeCount === this.free.length) this.free = grown(this.free);
      this.free[this.freeCount++] = k / SLOT;
      if (timer?.cancelled) continue;
      this.now = time;
      this.fired++;
      action(a, b, n);
      onEvent?.();
    }
    if (!this.stopped && until !== Infinity && this.now < until && this.pending > 0) this.now = until;
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
