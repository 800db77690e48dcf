// Follows one packet from node to node with the data plane's `forward` until it is delivered or dropped.
import { forward, overhead, packetKey, type Arrival, type Dataplane, type DropReason, type NatState, type Packet } from '../dataplane/index.js';
import type { NodeId } from '../resolve/program.js';
import type { TraceHop } from './types.js';

/** A guard far above any real path: TTL ends routed loops, this ends anything else that cycles. */
const MAX_HOPS = 4096;

export type WalkEnd =
  | { kind: 'delivered'; node: NodeId; packet: Packet }
  | { kind: 'dropped'; node: NodeId; reason: DropReason; detail: string };

export function walk(dp: Dataplane, nat: NatState, start: NodeId, packet: Packet, segment: number, hops: TraceHop[]): WalkEnd {
  const seen = new Set<string>();
  let at = start;
  let arrival: Arrival = { via: 'origin' };
  const path: NodeId[] = [];
  for (let n = 0; n < MAX_HOPS; n++) {
    const key = `${at}#${arrival.via}#${packetKey(packet)}`;
    if (seen.has(key)) return { kind: 'dropped', node: at, reason: 'loop', detail: `${dp.net.nodes[at].name} sees the same packet again` };
    seen.add(key);
    path.push(at);
    const out = forward(dp, nat, at, arrival, packet);
    if (out.kind === 'delivered') return { kind: 'delivered', node: at, packet: out.packet };
    if (out.kind === 'drop') return { kind: 'dropped', node: at, reason: out.drop, detail: out.drop === 'ttl-exceeded' ? withCycle(dp, path, out.detail) : out.detail };
    hops.push({ index: hops.length + 1, segment, from: at, to: out.to, switches: out.switches, medium: out.medium, wire: out.segment, packet: out.packet, changes: out.notes });
    ({ packet, arrival } = out);
    at = out.to;
  }
  return { kind: 'dropped', node: at, reason: 'loop', detail: `more than ${MAX_HOPS} hops` };
}

/** A TTL that runs out on a path that revisits a node is a forwarding loop: name the cycle. */
function withCycle(dp: Dataplane, path: NodeId[], detail: string): string {
  const last = path[path.length - 1];
  const first = path.indexOf(last);
  if (first === path.length - 1) return detail;
  const start = path.lastIndexOf(last, path.length - 2);
  const cycle = path.slice(start).map((n) => dp.net.nodes[n].name);
  return `${detail}: forwarding loop ${cycle.join(' → ')}`;
}

/** A walk's outcome and its connection's path MTU (null when it never left the node). */
export interface Walked {
  end: WalkEnd;
  pathMtu: number | null;
}

/** Walks already done, by start node and packet: the hops (numbers aside), the end and the path MTU. */
export type WalkCache = Map<string, Walked & { hops: TraceHop[] }>;

/**
 * `walk`, remembered: forwarding is a pure function of the start and the packet, except through NAPT state, so
 * a walk that consulted no NAPT is stored and replayed (many flows share their connections inside a cloud).
 */
export function cachedWalk(dp: Dataplane, nat: NatState, cache: WalkCache, start: NodeId, packet: Packet, segment: number, hops: TraceHop[]): Walked {
  const key = `${start}#${packetKey(packet)}#${packet.payload}`;
  const known = cache.get(key);
  if (known) {
    for (const h of known.hops) {
      hops.push({ index: hops.length + 1, segment, from: h.from, to: h.to, switches: h.switches, medium: h.medium, wire: h.wire, packet: h.packet, changes: h.changes });
    }
    return known;
  }
  const first = hops.length;
  const uses = nat.uses;
  const end = walk(dp, nat, start, packet, segment, hops);
  const mine = hops.slice(first);
  const walked = { end, pathMtu: pathMtu(dp, mine) };
  if (nat.uses === uses) cache.set(key, { ...walked, hops: mine });
  return walked;
}

/** The smallest MTU on the way, less what encapsulation adds at that hop. */
function pathMtu(dp: Dataplane, hops: TraceHop[]): number | null {
  let mtu: number | null = null;
  for (const h of hops) {
    const room = dp.net.segments[h.wire].mtu - overhead(h.packet);
    mtu = mtu === null ? room : Math.min(mtu, room);
  }
  return mtu;
}
