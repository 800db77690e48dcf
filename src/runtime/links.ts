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

type Medium = 'wire' | 'radio' | 'vport';

/**
 * What a frame from one node onto one segment over one medium goes through: the segment, the wire's delay,
 * bandwidth and loss, and when that direction is free again (a box shared by the direction's lanes, updated in
 * place). Found once per flow-cache decision, so a hop looks nothing up.
 */
export interface Lane {
  segment: number;
  wire: Omit<WireSpec, 'segment'>;
  busy: { until: number };
}

export class Links {
  private readonly wires = new Map<number, WireSpec>();
  /** Each direction of each segment's busy-until box, by `segment * 2^20 + from node`. */
  private readonly busy = new Map<number, { until: number }>();
  private readonly lanes = new Map<number, Lane>();
  private readonly failed = new Set<number>();

  constructor(wires: readonly WireSpec[], private readonly sched: Scheduler, private readonly rng: Random) {
    for (const w of wires) this.wires.set(w.segment, w);
  }

  fail(segment: number): void {
    this.failed.add(segment);
  }

  lane(segment: number, from: number, medium: Medium): Lane {
    const direction = segment * 1048576 + from;
    const key = direction * 3 + (medium === 'vport' ? 0 : medium === 'wire' ? 1 : 2);
    const known = this.lanes.get(key);
    if (known) return known;
    const busy = this.busy.get(direction) ?? this.busy.set(direction, { until: 0 }).get(direction)!;
    const lane = { segment, wire: medium === 'vport' ? VPORT_WIRE : this.wires.get(segment) ?? DEFAULT_WIRE, busy };
    this.lanes.set(key, lane);
    return lane;
  }

  /**
   * Puts a frame on a lane: it leaves when the wire is free and has been serialised, and arrives after the
   * propagation delay. Returns the departure time, or null when the wire loses it (`arrive` null: lost anyway).
   */
  transmit(lane: Lane, bytes: number, arrive: (() => void) | null): number | null;
  /** `arrive(a, b, n)` on arrival: no closure per frame. */
  transmit<A, B>(lane: Lane, bytes: number, arrive: ((a: A, b: B, n: number) => void) | null, a: A, b: B, n: number): number | null;
  transmit<A, B>(lane: Lane, bytes: number, arrive: ((a: A, b: B, n: number) => void) | null, a?: A, b?: B, n = 0): number | null {
    const w = lane.wire;
    const departs = Math.max(this.sched.now, lane.busy.until) + (bytes * 8) / w.bandwidth;
    lane.busy.until = departs;
    if (arrive === null || (this.failed.size > 0 && this.failed.has(lane.segment)) || this.rng.chance(w.loss)) return null;
    this.sched.call(departs + w.delay, arrive, a as A, b as B, n);
    return departs;
  }
}

/** Bytes on the wire: the outer IP packet and an Ethernet header when one is on the wire. */
export function frameBytes(p: Packet): number {
  const eth = p.headers[0];
  return ipLength(p, outerIp(p)) + (eth.proto === 'eth' && eth.onWire ? 14 : 0);
}
