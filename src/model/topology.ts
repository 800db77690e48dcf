import { l2 } from '../check/l2.js';
import type { Node, NodeId, Program } from '../resolve/program.js';
import { qualifiedName, valuesOf } from '../resolve/program.js';
import type { Iface, NetNode, Segment } from './types.js';
import { formatIp } from './ipv4.js';

/** The network's nodes, segments and interfaces, before addresses are decided. */
export interface Skeleton {
  nodes: NetNode[];
  segments: Segment[];
  interfaces: Iface[];
  /** Per segment: the declared subnet as numbers, when there is one. */
  declared: Map<number, { addr: number; len: number }>;
}

const DEFAULT_MTU = 1500;

/**
 * Segments in a fixed order — switch segments, then links (declaration order), VPC subnets, UE pools,
 * NAT pools — and each node's interfaces in the order it meets them. That order is the assignment order.
 */
export function buildSkeleton(program: Program): Skeleton {
  const nodes = program.nodes.map((n) => netNode(program, n));
  const sk: Skeleton = { nodes, segments: [], interfaces: [], declared: new Map() };
  const { segments: switchSegments } = l2(program);
  const switchSegment = new Map<NodeId, number>();
  for (const [root, switches] of [...switchSegments].sort((a, b) => a[0] - b[0])) {
    const subnet = switches.map((s) => valuesOf(program.nodes[s].props, 'subnet', 'prefix')[0]).find((v) => v);
    const seg = addSegment(sk, { type: 'switched', label: `switch ${program.nodes[root].name}`, switches, subnet });
    for (const s of switches) switchSegment.set(s, seg.id);
  }
  for (const link of program.links) {
    const [a, b] = link.ends.map((e) => e.node);
    const sa = switchSegment.get(a);
    const sb = switchSegment.get(b);
    if (sa !== undefined && sb !== undefined) continue;
    if (sa !== undefined || sb !== undefined) {
      addIface(sk, sa !== undefined ? b : a, (sa ?? sb)!);
      continue;
    }
    const seg = addSegment(sk, {
      type: 'link',
      label: `${program.nodes[a].name} -- ${program.nodes[b].name}`,
      link: link.id,
      subnet: valuesOf(link.props, 'subnet', 'prefix')[0],
      mtu: valuesOf(link.props, 'mtu', 'quantity')[0]?.base,
      cost: valuesOf(link.props, 'cost', 'number')[0]?.value,
    });
    addIface(sk, a, seg.id);
    addIface(sk, b, seg.id);
  }
  addOverlays(program, sk);
  addUePools(program, sk);
  for (const n of program.nodes) {
    const pool = n.behaviours.has('nat') ? valuesOf(n.props, 'pool', 'prefix')[0] : undefined;
    if (pool) addIface(sk, n.id, addSegment(sk, { type: 'loopback', label: `NAT pool of ${n.name}`, subnet: pool }).id);
  }
  return sk;
}

/** Each VPC subnet is an overlay segment: the VPC's gateways first (they take `.1`), then its VMs. */
function addOverlays(program: Program, sk: Skeleton): void {
  const gateways = new Map<NodeId, NodeId[]>();
  const vms = new Map<NodeId, NodeId[]>();
  const push = (m: Map<NodeId, NodeId[]>, k: NodeId, v: NodeId) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  const subnetsOf = new Map<NodeId, NodeId[]>();
  for (const n of program.nodes) if (n.behaviours.has('subnet') && n.container !== null) push(subnetsOf, n.container, n.id);
  for (const n of program.nodes) {
    const vpc = sk.nodes[n.id].vpc;
    if (vpc === null) continue;
    if (n.behaviours.has('virtual_gateway')) push(gateways, vpc, n.id);
    if (!n.behaviours.has('vm')) continue;
    // A VM's subnet: its `in`, or the only subnet of its VPC.
    const only = n.container === null ? [] : subnetsOf.get(n.container) ?? [];
    const sub = n.in ? n.in.node : only.length === 1 ? only[0] : null;
    if (sub !== null) push(vms, sub, n.id);
  }
  for (const sub of program.nodes.filter((n) => n.behaviours.has('subnet'))) {
    const vpc = sk.nodes[sub.id].vpc;
    const seg = addSegment(sk, { type: 'overlay', label: `subnet ${sub.name}`, vpc, subnet: valuesOf(sub.props, 'cidr', 'prefix')[0] });
    for (const gw of vpc === null ? [] : gateways.get(vpc) ?? []) addIface(sk, gw, seg.id);
    for (const vm of vms.get(sub.id) ?? []) addIface(sk, vm, seg.id);
  }
}

/** A gtp_anchor's UE pool is a segment shared by the anchor (first address) and the UEs of its bearers. */
function addUePools(program: Program, sk: Skeleton): void {
  const uesOf = new Map<NodeId, Set<NodeId>>();
  for (const b of program.bearers) {
    const anchor = b.via[b.via.length - 1]?.node;
    if (anchor !== undefined) (uesOf.get(anchor) ?? uesOf.set(anchor, new Set()).get(anchor)!).add(b.ue.node);
  }
  for (const anchor of program.nodes.filter((n) => n.behaviours.has('gtp_anchor'))) {
    const pool = valuesOf(anchor.props, 'ue_pool', 'prefix')[0];
    if (!pool) continue;
    const seg = addSegment(sk, { type: 'ue_pool', label: `UE pool of ${anchor.name}`, subnet: pool });
    addIface(sk, anchor.id, seg.id);
    for (const ue of uesOf.get(anchor.id) ?? []) addIface(sk, ue, seg.id);
  }
}

function netNode(program: Program, n: Node): NetNode {
  let asn: number | null = null;
  let vpc: NodeId | null = null;
  for (let c = n.container; c !== null; c = program.nodes[c].container) {
    const container = program.nodes[c];
    if (asn === null && container.behaviours.has('autonomous_system')) asn = valuesOf(container.props, 'asn', 'number')[0]?.value ?? null;
    if (vpc === null && container.behaviours.has('vpc')) vpc = c;
  }
  const placed = n.behaviours.has('vm') || n.behaviours.has('virtual_gateway');
  return {
    id: n.id,
    // Outputs key nodes by name: qualify the names that are not unique in the program (`shop.gw`).
    name: program.homonyms.has(n.name) ? qualifiedName(program, n.id) : n.name,
    kind: n.kind,
    behaviours: [...n.behaviours].sort(),
    asn,
    vpc,
    host: placed && n.on ? n.on.node : null,
    interfaces: [],
  };
}

interface SegmentSpec {
  type: Segment['type'];
  label: string;
  subnet?: { addr: number; len: number };
  link?: number;
  switches?: NodeId[];
  vpc?: NodeId | null;
  mtu?: number;
  cost?: number;
}

function addSegment(sk: Skeleton, spec: SegmentSpec): Segment {
  const seg: Segment = {
    id: sk.segments.length,
    type: spec.type,
    label: spec.label,
    subnet: spec.subnet ? `${formatIp(spec.subnet.addr)}/${spec.subnet.len}` : null,
    subnetOrigin: spec.subnet ? 'declared' : 'assigned',
    interfaces: [],
    link: spec.link ?? null,
    switches: spec.switches ?? [],
    vpc: spec.vpc ?? null,
    mtu: spec.mtu ?? DEFAULT_MTU,
    cost: spec.cost ?? 1,
  };
  if (spec.subnet) sk.declared.set(seg.id, { addr: spec.subnet.addr, len: spec.subnet.len });
  sk.segments.push(seg);
  return seg;
}

function addIface(sk: Skeleton, node: NodeId, segment: number): void {
  const n = sk.nodes[node];
  const iface: Iface = {
    id: sk.interfaces.length,
    node,
    name: `eth${n.interfaces.length}`,
    segment,
    address: null,
    prefixLength: null,
    mac: '',
    addressOrigin: 'assigned',
    macOrigin: 'assigned',
  };
  sk.interfaces.push(iface);
  n.interfaces.push(iface.id);
  sk.segments[segment].interfaces.push(iface.id);
}
