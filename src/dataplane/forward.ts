// What one node does with one packet: the behaviours (router, NAT, GTP-U endpoints, OVS, endpoint) composed
// from the step functions. It returns where the packet goes next, or its delivery or drop, and short notes
// of what the node changed. The tracer and the generated simulator both call `forward`.
// Ports choose a NAT mapping, never a path: the simulator relies on it to walk the path MTU once per pair of
// addresses (runtime/stack.ts). A rule that routes by port must change that cache too.
import type { NodeId } from '../resolve/program.js';
import type { GtpTunnel, Iface } from '../model/types.js';
import { conntrackFor, inPrefixes, switchPath, vxlanKey, type Dataplane, type StaticNat } from './context.js';
import { dropped, isDrop, type Drop } from './drop.js';
import { decapGtpu, encapGtpu, gtpuTeid } from './gtpu.js';
import { arp, rewriteL2 } from './l2.js';
import { lpm } from './lookup.js';
import { napt, staticNatIn, staticNatOut, unnapt, type Conntrack } from './nat.js';
import { ipAt, ipLength, outerIp, portsAfter, small, type Eth, type Packet } from './packet.js';
import { decrementTtl } from './ttl.js';
import { decapVxlan, encapVxlan, vxlanVni } from './vxlan.js';

/** How a packet reached a node: made there, on an interface, over a UE's radio, or from a VM on this host. */
export type Arrival = { via: 'origin' } | { via: 'iface'; iface: number } | { via: 'radio'; ue: NodeId } | { via: 'vport'; from: NodeId };

export interface Send {
  kind: 'send';
  packet: Packet;
  to: NodeId;
  arrival: Arrival;
  /** The segment the packet crosses (its MTU applies), and the switches it passes. */
  segment: number;
  switches: NodeId[];
  medium: 'wire' | 'radio' | 'vport';
  notes: readonly string[];
}
export interface Delivered {
  kind: 'delivered';
  packet: Packet;
  notes: readonly string[];
}
export type Outcome = Send | Delivered | (Drop & { kind: 'drop'; notes: readonly string[] });

/** Forwarding state that outlives one packet: each NAPT's connection tracking. */
export class NatState {
  private readonly tables = new Map<NodeId, Conntrack>();
  /** How many times a NAPT was consulted: a walk that did not change it depended on no state. */
  uses = 0;
  constructor(private readonly dp: Dataplane) {}
  of(node: NodeId): Conntrack {
    this.uses++;
    return this.tables.get(node) ?? this.tables.set(node, conntrackFor(this.dp.napt[node]!)).get(node)!;
  }
}

/** The IPv4 total-length field's largest value. */
const MAX_IP_LENGTH = 65535;

const hex = (teid: number) => `0x${teid.toString(16).padStart(8, '0')}`;

/**
 * The notes being written, or null when the caller reads none (the simulator): `notes?.push(…)` then skips
 * formatting them, which is most of what a forwarding decision would otherwise allocate.
 */
type Notes = string[] | null;
const NO_NOTES: readonly string[] = Object.freeze([]);

/** `describe` false leaves `notes` empty: the decision is the same, only not explained. */
export function forward(dp: Dataplane, nat: NatState, node: NodeId, arrival: Arrival, packet: Packet, describe = true): Outcome {
  const notes: Notes = describe ? [] : null;
  const r = process(dp, nat, node, arrival, packet, notes);
  return isDrop(r) ? { kind: 'drop', ...r, notes: notes ?? NO_NOTES } : r;
}

type Result = Send | Delivered | Drop;

function process(dp: Dataplane, nat: NatState, node: NodeId, arrival: Arrival, p: Packet, notes: Notes): Result {
  if (arrival.via === 'radio') return fromRadio(dp, nat, node, arrival.ue, p, notes);
  if (arrival.via === 'vport') return ovsBridge(dp, nat, node, arrival.from, p, notes);
  const oi = outerIp(p);
  if (oi < 0) return dropped('no-route', 'not an IPv4 packet');
  const ip = ipAt(p, oi);
  if (arrival.via === 'origin') return dp.addresses[node].has(ip.dst) ? { kind: 'delivered', packet: p, notes: notes ?? NO_NOTES } : route(dp, nat, node, p, notes);
  if (dp.addresses[node].has(ip.dst)) {
    if (gtpuTeid(p) !== null) return gtpArrive(dp, nat, node, p, notes);
    if (vxlanVni(p) !== null && dp.net.nodes[node].behaviours.includes('vxlan_host')) return vxlanArrive(dp, node, p, notes);
  }
  const rule = staticNat(dp.statics[node], 'public', ip.dst);
  const pool = dp.napt[node];
  if (rule) {
    p = staticNatIn(p, oi, rule.private);
    notes?.push(`1:1 NAT dst ${ip.dst} → ${rule.private}`);
  } else if (pool && inPrefixes([pool.pool], ip.dst)) {
    const back = unnapt(p, oi, nat.of(node));
    if (isDrop(back)) return back;
    notes?.push(`NAPT dst ${endpoint(p, oi, 'dst')} → ${endpoint(back, oi, 'dst')}`);
    p = back;
  } else if (dp.addresses[node].has(ip.dst)) {
    return { kind: 'delivered', packet: p, notes: notes ?? NO_NOTES };
  }
  const next = decrementTtl(p, oi);
  if (isDrop(next)) return next;
  notes?.push(`TTL ${ip.ttl} → ${ip.ttl - 1}`);
  return route(dp, nat, node, next, notes);
}

/**
 * A payload size up to which `forward` decides as it did for `out`: the same node, arrival and headers with
 * any payload up to it give the same outcome, each packet in it carrying that payload instead. Forwarding reads
 * the size in one place only, the MTU check of the segment a routed packet leaves on, and a payload that fits
 * that segment passes it as the packet decided did. A delivery holds for any payload an IPv4 packet can carry;
 * -1 (no other size) after a drop, which may not recur, and when the packet decided did not fit (it was
 * fragmented). Always a small integer, which a flow cache stores without boxing.
 */
export function payloadRoom(dp: Dataplane, out: Outcome): number {
  if (out.kind === 'drop') return -1;
  if (out.kind === 'delivered') return MAX_IP_LENGTH;
  const p = out.packet;
  const room = dp.net.segments[out.segment].mtu - (ipLength(p, outerIp(p)) - p.payload);
  return p.payload <= room ? small(room) : -1;
}

function endpoint(p: Packet, oi: number, side: 'src' | 'dst'): string {
  const ports = portsAfter(p, oi);
  return `${ipAt(p, oi)[side]}${ports ? `:${ports[side]}` : ''}`;
}

/** Route on the outermost IP header: NAT on the way out, then the egress segment decides the medium. */
function route(dp: Dataplane, nat: NatState, node: NodeId, p: Packet, notes: Notes): Result {
  const oi = outerIp(p);
  const ip = ipAt(p, oi);
  const eg = lpm(dp.fibs[node], ip.dst);
  if (isDrop(eg)) return eg;
  const out = dp.ifaces[node].get(eg.iface);
  if (!out) return dropped('no-route', `${eg.iface} is not an interface of ${dp.net.nodes[node].name}`);
  const seg = dp.net.segments[out.segment];
  const rule = dp.napt[node];
  if (rule && inPrefixes(rule.inside, ip.src) && !inPrefixes(rule.inside, ip.dst)) {
    const q = napt(p, oi, nat.of(node));
    if (isDrop(q)) return q;
    notes?.push(`NAPT src ${endpoint(p, oi, 'src')} → ${endpoint(q, oi, 'src')}`);
    p = q;
  }
  const mapped = seg.type === 'overlay' ? undefined : staticNat(dp.statics[node], 'private', ip.src);
  if (mapped) {
    p = staticNatOut(p, oi, mapped.public);
    notes?.push(`1:1 NAT src ${ip.src} → ${mapped.public}`);
  }
  notes?.push(`route ${eg.prefix} via ${eg.nextHop} (${eg.iface})`);
  const peer = arp(dp.net, dp.arp, out.segment, eg.nextHop);
  if (isDrop(peer)) return peer;
  if (seg.type === 'ue_pool') return intoBearer(dp, nat, node, peer.node, rewriteL2(p, out.mac, peer.mac, false), out.segment, notes);
  p = rewriteL2(p, out.mac, peer.mac, true);
  const size = ipLength(p, outerIp(p));
  if (size > seg.mtu) {
    if (ipAt(p, outerIp(p)).df) return dropped('mtu-exceeded', `${size} B > MTU ${seg.mtu} B of ${seg.label}, DF set`);
    notes?.push(`fragmented: ${size} B > MTU ${seg.mtu} B`);
  }
  if (seg.type === 'overlay') {
    const host = dp.net.nodes[node].host;
    if (host === null) return dropped('no-tunnel', `${dp.net.nodes[node].name} is on ${seg.label} but on no OVS host`);
    return send(p, host, { via: 'vport', from: node }, out.segment, [], 'vport', notes);
  }
  return send(p, peer.node, { via: 'iface', iface: peer.id }, out.segment, switchPath(dp, node, peer.node), 'wire', notes);
}

function send(packet: Packet, to: NodeId, arrival: Arrival, segment: number, switches: NodeId[], medium: Send['medium'], notes: Notes): Send {
  return { kind: 'send', packet, to, arrival, segment, switches, medium, notes: notes ?? NO_NOTES };
}

/** Onto a UE pool: a UE sends over its radio to the access node; the anchor sends down the UE's bearer. */
function intoBearer(dp: Dataplane, nat: NatState, node: NodeId, peer: NodeId, p: Packet, segment: number, notes: Notes): Result {
  const isUe = dp.net.nodes[node].behaviours.includes('ue');
  const ue = isUe ? node : peer;
  const legs = dp.legs.get(ue) ?? [];
  if (isUe) {
    const s1 = legWhere(legs, 'name', 'S1-U');
    if (!s1) return dropped('no-tunnel', `${dp.net.nodes[ue].name} has no bearer`);
    return send(p, s1.near, { via: 'radio', ue }, segment, [], 'radio', notes);
  }
  const s5 = legWhere(legs, 'far', node);
  if (!s5 || !s5.nearAddress || !s5.farAddress) return dropped('no-tunnel', `no bearer of ${dp.net.nodes[ue].name} ends at ${dp.net.nodes[node].name}`);
  notes?.push(`encap GTP-U ${s5.name} downlink TEID ${hex(s5.downlinkTeid)}`);
  return route(dp, nat, node, encapGtpu(p, { src: s5.farAddress, dst: s5.nearAddress }, s5.downlinkTeid), notes);
}

/** The access node puts a UE's packet into the bearer's first leg. */
function fromRadio(dp: Dataplane, nat: NatState, node: NodeId, ue: NodeId, p: Packet, notes: Notes): Result {
  const s1 = legWhere(dp.legs.get(ue) ?? [], 'near', node);
  if (!s1 || !s1.nearAddress || !s1.farAddress) return dropped('no-tunnel', `no bearer of ${dp.net.nodes[ue].name} starts at ${dp.net.nodes[node].name}`);
  notes?.push(`encap GTP-U ${s1.name} uplink TEID ${hex(s1.uplinkTeid)}`);
  return route(dp, nat, node, encapGtpu(p, { src: s1.nearAddress, dst: s1.farAddress }, s1.uplinkTeid), notes);
}

/** A GTP-U packet to this node: switch it into the bearer's next leg, or end the tunnel. */
function gtpArrive(dp: Dataplane, nat: NatState, node: NodeId, p: Packet, notes: Notes): Result {
  const teid = gtpuTeid(p)!;
  const up = dp.gtpUp.get(`${node}:${teid}`);
  const down = dp.gtpDown.get(`${node}:${teid}`);
  const leg = up ?? down;
  if (!leg) return dropped('no-tunnel', `no GTP-U tunnel ends at ${dp.net.nodes[node].name} with TEID ${hex(teid)}`);
  const dir = up ? 'uplink' : 'downlink';
  const inner = decapGtpu(p);
  notes?.push(`decap GTP-U ${leg.name} ${dir} TEID ${hex(teid)}`);
  const next = up ? dp.gtpByNear.get(`${leg.bearer}:${node}`) : dp.gtpByFar.get(`${leg.bearer}:${node}`);
  if (next) {
    const teidOut = up ? next.uplinkTeid : next.downlinkTeid;
    const [src, dst] = up ? [next.nearAddress, next.farAddress] : [next.farAddress, next.nearAddress];
    if (!src || !dst) return dropped('no-tunnel', `GTP-U ${next.name} has no addresses`);
    notes?.push(`encap GTP-U ${next.name} ${dir} TEID ${hex(teidOut)}`);
    return route(dp, nat, node, encapGtpu(inner, { src, dst }, teidOut), notes);
  }
  const poolIface = poolInterface(dp, leg.ue);
  if (!poolIface) return dropped('no-tunnel', `${dp.net.nodes[leg.ue].name} has no address`);
  if (down) return send(inner, leg.ue, { via: 'iface', iface: poolIface.id }, poolIface.segment, [], 'radio', notes);
  // The anchor: the UE's packet now enters its IP stack as if from the UE pool, and is routed from here.
  const anchorIface = interfaceOn(dp, node, poolIface.segment);
  return process(dp, nat, node, { via: 'iface', iface: anchorIface ?? poolIface.id }, inner, notes);
}

// Lookups in short lists, as loops: a callback capturing the key would cost its closure on every decision.

function staticNat(rules: readonly StaticNat[], side: 'public' | 'private', address: string): StaticNat | undefined {
  for (const r of rules) if (r[side] === address) return r;
  return undefined;
}

function legWhere<K extends 'name' | 'near' | 'far'>(legs: readonly GtpTunnel[], field: K, value: GtpTunnel[K]): GtpTunnel | undefined {
  for (const t of legs) if (t[field] === value) return t;
  return undefined;
}

/** The UE's interface on its UE pool (the address the bearer carries). */
function poolInterface(dp: Dataplane, ue: NodeId): Iface | undefined {
  for (const i of dp.net.nodes[ue].interfaces) {
    const iface = dp.net.interfaces[i];
    if (dp.net.segments[iface.segment].type === 'ue_pool') return iface;
  }
  return undefined;
}

/** The id of `node`'s interface on `segment`. */
function interfaceOn(dp: Dataplane, node: NodeId, segment: number): number | undefined {
  for (const i of dp.net.nodes[node].interfaces) if (dp.net.interfaces[i].segment === segment) return i;
  return undefined;
}

/** VXLAN to this host: unwrap, and hand the frame to the local VM or gateway that owns its destination MAC. */
function vxlanArrive(dp: Dataplane, node: NodeId, p: Packet, notes: Notes): Result {
  const vni = vxlanVni(p)!;
  const vpc = dp.vpcOfVni.get(vni);
  const frame = decapVxlan(p);
  notes?.push(`decap VXLAN VNI ${vni}`);
  const eth = frame.headers[0] as Eth;
  const port = vpc === undefined ? undefined : dp.ports.get(`${vpc}|${eth.dst}`);
  if (!port || dp.net.nodes[port.node].host !== node) return dropped('no-tunnel', `no VM or gateway of VNI ${vni} with MAC ${eth.dst} on ${dp.net.nodes[node].name}`);
  return send(frame, port.node, { via: 'iface', iface: port.id }, port.segment, [], 'vport', notes);
}

/** OVS on a host: a frame from a local VM goes to a local port, or in VXLAN to the host of its destination. */
function ovsBridge(dp: Dataplane, nat: NatState, node: NodeId, from: NodeId, p: Packet, notes: Notes): Result {
  const eth = p.headers[0] as Eth;
  const vpc = dp.net.nodes[from].vpc;
  const port = vpc === null ? undefined : dp.ports.get(`${vpc}|${eth.dst}`);
  if (!port || vpc === null) return dropped('arp-failure', `no port with MAC ${eth.dst} in the VPC of ${dp.net.nodes[from].name}`);
  const host = dp.net.nodes[port.node].host;
  if (host === node) {
    notes?.push(`OVS switches locally to ${dp.net.nodes[port.node].name}`);
    return send(p, port.node, { via: 'iface', iface: port.id }, port.segment, [], 'vport', notes);
  }
  const t = host === null ? undefined : dp.vxlan.get(vxlanKey(vpc, node, host));
  if (!t) return dropped('no-tunnel', `no VXLAN tunnel from ${dp.net.nodes[node].name} to the host of ${dp.net.nodes[port.node].name}`);
  const [src, dst] = t.a === node ? [t.aAddress, t.bAddress] : [t.bAddress, t.aAddress];
  if (!src || !dst) return dropped('no-tunnel', `VXLAN tunnel ${dp.net.nodes[t.a].name} -- ${dp.net.nodes[t.b].name} has no underlay address`);
  notes?.push(`encap VXLAN VNI ${t.vni}`);
  return route(dp, nat, node, encapVxlan(p, { src, dst }, t.vni), notes);
}
