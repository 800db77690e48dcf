// Indexes over the network model and the FIBs that forwarding needs, built once per compilation.
import type { FibEntry, RoutingResult } from '../control/index.js';
import { contains, formatIp, parsePrefix, type Net } from '../control/ip.js';
import { parseIp } from '../model/ipv4.js';
import type { GtpTunnel, Iface, NatRule, Network, VxlanTunnel } from '../model/types.js';
import type { NodeId, Program } from '../resolve/program.js';
import { arpTable, type ArpTable } from './l2.js';
import { Conntrack } from './nat.js';

type Napt = Extract<NatRule, { type: 'napt' }>;

/** A NAPT rule with its prefixes parsed once. */
export interface NaptRule {
  rule: Napt;
  inside: Net[];
  pool: Net;
}
export type StaticNat = Extract<NatRule, { type: 'static' }>;

export interface Dataplane {
  net: Network;
  arp: ArpTable;
  fibs: readonly FibEntry[][];
  /** Per node: its interfaces by name, and the addresses it holds. */
  ifaces: Map<string, Iface>[];
  addresses: Set<string>[];
  napt: (NaptRule | undefined)[];
  statics: StaticNat[][];
  /** GTP-U legs by `node:teid`, for the end that receives with that TEID, per direction. */
  gtpUp: Map<string, GtpTunnel>;
  gtpDown: Map<string, GtpTunnel>;
  /** GTP-U legs by `bearer:near` and `bearer:far`. */
  gtpByNear: Map<string, GtpTunnel>;
  gtpByFar: Map<string, GtpTunnel>;
  /** Each UE's bearer legs (S1-U, S5). */
  legs: Map<NodeId, GtpTunnel[]>;
  vxlan: Map<string, VxlanTunnel>;
  vpcOfVni: Map<number, NodeId>;
  /** Overlay ports by `vpc|mac`: OVS's MAC table. */
  ports: Map<string, Iface>;
  /** The switch each node is cabled to, and switch-to-switch cables. */
  attached: Map<NodeId, NodeId>;
  cables: Map<NodeId, NodeId[]>;
  /** switchPath's answers, by `from` then `to`. */
  switchPaths: Map<NodeId, Map<NodeId, NodeId[]>>;
}

export function buildDataplane(program: Program, net: Network, routing: RoutingResult): Dataplane {
  const n = net.nodes.length;
  const dp: Dataplane = {
    net,
    arp: arpTable(net),
    fibs: net.nodes.map((node) => routing.nodes[node.name]?.fib ?? []),
    ifaces: Array.from({ length: n }, () => new Map()),
    addresses: Array.from({ length: n }, () => new Set()),
    napt: new Array(n).fill(undefined),
    statics: Array.from({ length: n }, () => []),
    gtpUp: new Map(),
    gtpDown: new Map(),
    gtpByNear: new Map(),
    gtpByFar: new Map(),
    legs: new Map(),
    vxlan: new Map(),
    vpcOfVni: new Map(),
    ports: new Map(),
    attached: new Map(),
    cables: new Map(),
    switchPaths: new Map(),
  };
  for (const i of net.interfaces) {
    dp.ifaces[i.node].set(i.name, i);
    if (i.address !== null) dp.addresses[i.node].add(i.address);
    const seg = net.segments[i.segment];
    if (seg.type === 'overlay' && seg.vpc !== null) dp.ports.set(`${seg.vpc}|${i.mac}`, i);
  }
  for (const r of net.nats) {
    if (r.type === 'napt') dp.napt[r.node] = { rule: r, inside: r.inside.map(parsePrefix), pool: parsePrefix(r.pool) };
    else dp.statics[r.node].push(r);
  }
  for (const t of net.tunnels) {
    if (t.type === 'gtpu') {
      dp.gtpUp.set(`${t.far}:${t.uplinkTeid}`, t);
      dp.gtpDown.set(`${t.near}:${t.downlinkTeid}`, t);
      dp.gtpByNear.set(`${t.bearer}:${t.near}`, t);
      dp.gtpByFar.set(`${t.bearer}:${t.far}`, t);
      (dp.legs.get(t.ue) ?? dp.legs.set(t.ue, []).get(t.ue)!).push(t);
    } else {
      dp.vxlan.set(vxlanKey(t.vpc, t.a, t.b), t);
      dp.vpcOfVni.set(t.vni, t.vpc);
    }
  }
  const isSwitch = (id: NodeId) => program.nodes[id].behaviours.has('switch');
  for (const link of program.links) {
    const [a, b] = link.ends.map((e) => e.node);
    if (isSwitch(a) && isSwitch(b)) {
      (dp.cables.get(a) ?? dp.cables.set(a, []).get(a)!).push(b);
      (dp.cables.get(b) ?? dp.cables.set(b, []).get(b)!).push(a);
    } else if (isSwitch(a) !== isSwitch(b)) {
      const [node, sw] = isSwitch(a) ? [b, a] : [a, b];
      if (!dp.attached.has(node)) dp.attached.set(node, sw);
    }
  }
  return dp;
}

export function vxlanKey(vpc: NodeId, x: NodeId, y: NodeId): string {
  return x < y ? `${vpc}:${x}:${y}` : `${vpc}:${y}:${x}`;
}

/** A fresh connection-tracking table for a node's NAPT. */
export function conntrackFor({ pool }: NaptRule): Conntrack {
  const size = 2 ** (32 - pool.length);
  // The pool's host addresses (all of a /31 or /32), formatted only when a mapping needs the next one.
  const [first, count] = pool.length >= 31 ? [0, size] : [1, size - 2];
  return new Conntrack({ length: count, at: (k) => formatIp(pool.network + first + k) });
}

export function inPrefixes(nets: readonly Net[], address: string): boolean {
  const a = parseIp(address);
  for (const n of nets) if (contains(n, a)) return true; // a loop: no closure per packet
  return false;
}

/** The switches a frame crosses from `from`'s switch to `to`'s, in order (breadth-first: fewest switches). */
export function switchPath(dp: Dataplane, from: NodeId, to: NodeId): NodeId[] {
  const fromHere = dp.switchPaths.get(from) ?? dp.switchPaths.set(from, new Map()).get(from)!;
  const known = fromHere.get(to);
  if (known) return known;
  const path = findSwitchPath(dp, from, to);
  fromHere.set(to, path);
  return path;
}

function findSwitchPath(dp: Dataplane, from: NodeId, to: NodeId): NodeId[] {
  const start = dp.attached.get(from);
  const goal = dp.attached.get(to);
  if (start === undefined || goal === undefined) return [];
  const prev = new Map<NodeId, NodeId>([[start, start]]);
  const queue = [start];
  for (let k = 0; k < queue.length && !prev.has(goal); k++) {
    for (const next of dp.cables.get(queue[k]) ?? []) {
      if (!prev.has(next)) {
        prev.set(next, queue[k]);
        queue.push(next);
      }
    }
  }
  if (!prev.has(goal)) return [start];
  const path = [goal];
  while (path[0] !== start) path.unshift(prev.get(path[0])!);
  return path;
}
