// A deterministic discrete-event scheduler: events fire in (time, sequence) order, so two events at the same
// instant fire in the order they were scheduled — never in an order that depends on the heap's layout.

export type Action = () => void;

/** A scheduled event; `cancel` makes it a no-op (cheaper than removing it from the heap). */
export interface Timer {
  readonly time: number;
  cancelled: boolean;
}

interface Entry extends Timer {
  seq: number;
  action: Action;
}

export class Scheduler {
  /** Simulated seconds since the start. */
  now = 0;
  /** Events fired so far (cancelled ones not counted). */
  fired = 0;
  private heap: Entry[] = [];
  private seq = 0;
  private stopped = false;

  get pending(): number {
    return this.heap.length;
  }

  at(time: number, action: Action): Timer {
    const e: Entry = { time: time < this.now ? this.now : time, seq: this.seq++, action, cancelled: false };
    const h = this.heap;
    let i = h.length;
    h.push(e);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(e, h[parent])) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = e;
    return e;
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
    const h = this.heap;
    while (h.length > 0 && !this.stopped) {
      const top = h[0];
      if (top.time > until) break;
      const last = h.pop()!;
      if (h.length > 0) this.siftDown(last);
      if (top.cancelled) continue;
      this.now = top.time;
      this.fired++;
      top.action();
      onEvent?.();
    }
    if (!this.stopped && until !== Infinity && this.now < until && h.length > 0) this.now = until;
  }

  private siftDown(e: Entry): void {
    const h = this.heap;
    const n = h.length;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && before(h[child + 1], h[child])) child++;
      if (!before(h[child], e)) break;
      h[i] = h[child];
      i = child;
    }
    h[i] = e;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
