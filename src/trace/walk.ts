// Follows one packet from node to node with the data plane's `forward` until it is delivered or dropped.
import { forward, packetKey, type Arrival, type Dataplane, type DropReason, type NatState, type Packet } from '../dataplane/index.js';
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
