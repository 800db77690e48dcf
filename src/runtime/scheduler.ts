// A deterministic discrete-event scheduler: events fire in (time, sequence) order, so two events at the same
// instant fire in the order they were scheduled — never in an order that depends on the heap's layout.
//
// The heap keeps numbers only — each event's time, sequence and slot, in typed arrays — and the events
// themselves stay put in slot tables while the heap reorders. A sift then moves three numbers per level
// instead of object pointers, and a long queue (hundreds of thousands of events in flight) costs the garbage
// collector nothing to scan or to track writes into. An event is its action and two arguments in the slot
// tables, not an object: only an event that can be cancelled (`at`, `after`) has one, its Timer.

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

export class Scheduler {
  /** Simulated seconds since the start. */
  now = 0;
  /** Events fired so far (cancelled ones not counted). */
  fired = 0;
  /** The heap, by position: time, sequence and slot of each event. */
  private times = new Float64Array(INITIAL);
  private seqs = new Float64Array(INITIAL);
  private slotAt = new Int32Array(INITIAL);
  private size = 0;
  /** The events by slot — action, its two arguments, its timer if it has one — and the slots free for reuse. */
  private readonly actions: (Call | undefined)[] = [];
  private readonly firsts: unknown[] = [];
  private readonly seconds: unknown[] = [];
  private readonly timers: (Cancellable | undefined)[] = [];
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
    let slot: number;
    if (this.freeCount > 0) {
      slot = this.free[--this.freeCount];
      this.actions[slot] = action;
      this.firsts[slot] = a;
      this.seconds[slot] = b;
      this.timers[slot] = timer;
    } else {
      slot = this.actions.length;
      this.actions.push(action);
      this.firsts.push(a);
      this.seconds.push(b);
      this.timers.push(timer);
    }
    if (this.size === this.times.length) this.grow();
    const s = this.seq++;
    const times = this.times;
    const seqs = this.seqs;
    const slotAt = this.slotAt;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (!(t < pt || (t === pt && s < seqs[parent]))) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      slotAt[i] = slotAt[parent];
      i = parent;
    }
    times[i] = t;
    seqs[i] = s;
    slotAt[i] = slot;
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
    while (this.size > 0 && !this.stopped) {
      const time = this.times[0];
      if (time > until) break;
      const slot = this.slotAt[0];
      this.pop();
      const action = this.actions[slot]!;
      const a = this.firsts[slot];
      const b = this.seconds[slot];
      const timer = this.timers[slot];
      this.actions[slot] = this.firsts[slot] = this.seconds[slot] = this.timers[slot] = undefined;
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
    const times = this.times;
    const seqs = this.seqs;
    const slotAt = this.slotAt;
    const t = times[n];
    const s = seqs[n];
    const slot = slotAt[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ct = times[child];
      let cs = seqs[child];
      const r = child + 1;
      if (r < n) {
        const rt = times[r];
        const rs = seqs[r];
        if (rt < ct || (rt === ct && rs < cs)) {
          child = r;
          ct = rt;
          cs = rs;
        }
      }
      if (!(ct < t || (ct === t && cs < s))) break;
      times[i] = ct;
      seqs[i] = cs;
      slotAt[i] = slotAt[child];
      i = child;
    }
    times[i] = t;
    seqs[i] = s;
    slotAt[i] = slot;
  }

  private grow(): void {
    this.times = grown(this.times, Float64Array);
    this.seqs = grown(this.seqs, Float64Array);
    this.slotAt = grown(this.slotAt, Int32Array);
  }
}

function grown<A extends Float64Array | Int32Array>(a: A, Kind: { new (n: number): A }): A {
  const b = new Kind(a.length * 2);
  b.set(a);
  return b;
}
