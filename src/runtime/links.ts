// Wires with time: each segment has a propagation delay, a bandwidth (frames queue behind each other in each
// direction) and a loss rate; a failed wire loses everything. MTU is the data plane's business (`forward`
// drops or fragments), so a frame that reaches a wire fits it.
import { ipLength, outerIp, type Packet } from '../dataplane/packet.js';
import type { Random } from './random.js';
import type { Scheduler } from './scheduler.js';
import type { WireSpec } from './spec.js';

/** The in-host path between a VM and its OVS bridge, and any segment without a declared link. */
const DEFAULT_WIRE: Omit<WireSpec, 'segment'> = { delay: 0.001, bandwidth: 1e9, loss: 0 };
const VPORT_WIRE: Omit<WireSpec, 'segment'> = { delay: 0.00002, bandwidth: 10e9, loss: 0 };

export class Links {
  private readonly wires = new Map<number, WireSpec>();
  /**
   * When each direction of each segment is free again, by `segment * 2^20 + from node`. In a box each, so
   * that the time is updated in place: a Map storing a fractional number stores a new heap object each time.
   */
  private readonly busy = new Map<number, { until: number }>();
  private readonly failed = new Set<number>();

  constructor(wires: readonly WireSpec[], private readonly sched: Scheduler, private readonly rng: Random) {
    for (const w of wires) this.wires.set(w.segment, w);
  }

  fail(segment: number): void {
    this.failed.add(segment);
  }

  /**
   * Puts a frame on a wire: it leaves when the wire is free and has been serialised, and arrives after the
   * propagation delay. Returns the departure time, or null when the wire loses it (`arrive` null: lost anyway).
   */
  transmit(segment: number, from: number, medium: 'wire' | 'radio' | 'vport', bytes: number, arrive: (() => void) | null): number | null;
  /** `arrive(a, b, n)` on arrival: no closure per frame. */
  transmit<A, B>(segment: number, from: number, medium: 'wire' | 'radio' | 'vport', bytes: number, arrive: ((a: A, b: B, n: number) => void) | null, a: A, b: B, n: number): number | null;
  transmit<A, B>(segment: number, from: number, medium: 'wire' | 'radio' | 'vport', bytes: number, arrive: ((a: A, b: B, n: number) => void) | null, a?: A, b?: B, n = 0): number | null {
    const w = medium === 'vport' ? VPORT_WIRE : this.wires.get(segment) ?? DEFAULT_WIRE;
    const key = segment * 1048576 + from;
    const busy = this.busy.get(key) ?? this.busy.set(key, { until: 0 }).get(key)!;
    const departs = Math.max(this.sched.now, busy.until) + (bytes * 8) / w.bandwidth;
    busy.until = departs;
    if (arrive === null || this.failed.has(segment) || this.rng.chance(w.loss)) return null;
    this.sched.call(departs + w.delay, arrive, a as A, b as B, n);
    return departs;
  }
}

/** Bytes on the wire: the outer IP packet and an Ethernet header when one is on the wire. */
export function frameBytes(p: Packet): number {
  const eth = p.headers[0];
  return ipLength(p, outerIp(p)) + (eth.proto === 'eth' && eth.onWire ? 14 : 0);
}
