import type { NodeId, Program } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';
import type { Skeleton } from './topology.js';
import type { GtpTunnel, Tunnel, VxlanTunnel } from './types.js';

/** VNIs for VPCs that declare none: counted from here in declaration order, skipping declared ones. */
const FIRST_AUTO_VNI = 1000;

export function buildTunnels(program: Program, sk: Skeleton): Tunnel[] {
  return [...gtpTunnels(program, sk), ...vxlanTunnels(program, sk)];
}

/**
 * Each bearer gets S1-U (access–relay) and S5 (relay–anchor). As in a real EPC, the receiving end chooses
 * the TEID for each direction: S1-U uplink by the relay (SGW), downlink by the access node (eNodeB); S5
 * uplink by the anchor (PGW), downlink by the relay. Each node numbers its TEIDs from its own base,
 * (its rank among TEID-allocating nodes + 1) × 0x100, so a TEID tells which node chose it.
 */
function gtpTunnels(program: Program, sk: Skeleton): GtpTunnel[] {
  const counters = new Map<NodeId, number>();
  const allocators = new Map<NodeId, number>();
  for (const b of program.bearers) for (const v of b.via) if (!allocators.has(v.node)) allocators.set(v.node, allocators.size + 1);
  const teid = (node: NodeId) => {
    const n = (counters.get(node) ?? 0) + 1;
    counters.set(node, n);
    return ((allocators.get(node)! * 0x100) + n) >>> 0;
  };
  const tunnels: GtpTunnel[] = [];
  program.bearers.forEach((b, index) => {
    if (b.via.length !== 3) return; // the checker reports bearers that are not access, relay, anchor
    const [access, relay, anchor] = b.via.map((v) => v.node);
    for (const [name, near, far] of [['S1-U', access, relay], ['S5', relay, anchor]] as const) {
      tunnels.push({
        type: 'gtpu',
        name,
        bearer: index,
        ue: b.ue.node,
        near,
        far,
        nearAddress: addressToward(sk, near, far),
        farAddress: addressToward(sk, far, near),
        uplinkTeid: teid(far),
        downlinkTeid: teid(near),
      });
    }
  });
  return tunnels;
}

/** One VXLAN tunnel per pair of OVS hosts that run VMs or gateways of the same VPC. */
function vxlanTunnels(program: Program, sk: Skeleton): VxlanTunnel[] {
  const hostsOf = new Map<NodeId, NodeId[]>();
  for (const n of sk.nodes) {
    if (n.vpc === null || n.host === null) continue;
    const hosts = hostsOf.get(n.vpc) ?? hostsOf.set(n.vpc, []).get(n.vpc)!;
    if (!hosts.includes(n.host)) hosts.push(n.host);
  }
  const declared = new Set(program.nodes.flatMap((n) => (n.behaviours.has('vpc') ? valuesOf(n.props, 'vni', 'number').map((v) => v.value) : [])));
  let auto = FIRST_AUTO_VNI;
  const tunnels: VxlanTunnel[] = [];
  for (const vpc of program.nodes.filter((n) => n.behaviours.has('vpc'))) {
    let vni = valuesOf(vpc.props, 'vni', 'number')[0]?.value;
    if (vni === undefined) {
      while (declared.has(auto)) auto++;
      vni = auto++;
    }
    const hosts = [...(hostsOf.get(vpc.id) ?? [])].sort((a, b) => a - b);
    for (let i = 0; i < hosts.length; i++) {
      for (let j = i + 1; j < hosts.length; j++) {
        const [a, b] = [hosts[i], hosts[j]];
        tunnels.push({ type: 'vxlan', vpc: vpc.id, vni, a, b, aAddress: vtepAddress(sk, a), bAddress: vtepAddress(sk, b) });
      }
    }
  }
  return tunnels;
}

/** The address `node` uses toward `peer`: on a segment they share, else its first address. */
function addressToward(sk: Skeleton, node: NodeId, peer: NodeId): string | null {
  const mine = sk.nodes[node].interfaces.map((i) => sk.interfaces[i]);
  const peerSegments = new Set(sk.nodes[peer].interfaces.map((i) => sk.interfaces[i].segment));
  return (mine.find((i) => peerSegments.has(i.segment) && i.address !== null) ?? mine.find((i) => i.address !== null))?.address ?? null;
}

/** A host's VTEP address: its first address on a physical (link or switched) segment. */
function vtepAddress(sk: Skeleton, host: NodeId): string | null {
  const physical = sk.nodes[host].interfaces
    .map((i) => sk.interfaces[i])
    .find((i) => i.address !== null && (sk.segments[i.segment].type === 'link' || sk.segments[i.segment].type === 'switched'));
  return physical?.address ?? null;
}
