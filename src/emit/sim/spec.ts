// The simulator's data from a compilation: the model, FIBs, cabling and wire timing, each process's tables,
// the bearers to attach and the flows with their destinations (resolved as `topo hops` resolves them).
import type { RoutingResult } from '../../control/index.js';
import { isDrop } from '../../dataplane/index.js';
import type { GtpTunnel, Network } from '../../model/types.js';
import { valuesOf, type Link, type Node, type NodeId, type Program, type Props } from '../../resolve/program.js';
import type { BearerSpec, DnsForward, FlowSpec, Origin, Peer, ProcessSpec, SimSpec, Upstream, WireSpec } from '../../runtime/spec.js';
import { formatIp } from '../../model/ipv4.js';
import { flowTarget } from '../../trace/destination.js';

export interface SpecInput {
  path: string;
  program: Program;
  network: Network;
  routing: RoutingResult;
}

export function simSpec({ path, program, network, routing }: SpecInput): SimSpec {
  const addressOf = firstAddresses(network);
  const peerOf = (id: NodeId, protocol: 'tcp' | 'udp'): Peer | null => {
    const p = program.nodes[id];
    const node = p.on?.node ?? p.id;
    const listen = valuesOf(p.props, 'listen', 'port').find((l) => l.protocol === protocol);
    const address = addressOf(node);
    return listen && address !== null ? { process: p.name, node, address, protocol, port: listen.port } : null;
  };
  return {
    source: path,
    network,
    fibs: network.nodes.map((n) => routing.nodes[n.name]?.fib ?? []),
    cables: program.links.map((l) => [l.ends[0].node, l.ends[1].node]),
    wires: wires(program, network),
    processes: program.nodes.flatMap((n) => processSpec(program, n, peerOf, addressOf) ?? []),
    bearers: bearers(program, network),
    flows: program.flows.flatMap((f): FlowSpec[] => {
      const client = valuesOf(f.props, 'from', 'ref')[0]?.node;
      if (client === undefined) return [];
      const target = flowTarget(program, f, addressOf);
      if (isDrop(target)) return [];
      const to = f.props.get('to')?.values[0];
      const url = to?.kind === 'string' && to.value.includes('://') ? new URL(to.value) : null;
      const resolver = valuesOf(program.nodes[client].props, 'resolver', 'ref')[0];
      return [{
        name: f.name,
        client,
        resolver: resolver ? peerOf(resolver.node, 'udp') : null,
        host: target.name ?? target.address!,
        resolve: target.name !== undefined,
        protocol: target.protocol,
        port: target.port,
        tls: url?.protocol === 'https:',
        method: valuesOf(f.props, 'method', 'word')[0]?.value ?? 'GET',
        path: valuesOf(f.props, 'path', 'string')[0]?.value ?? (url ? url.pathname : '/'),
        size: valuesOf(f.props, 'size', 'quantity')[0]?.base ?? 512,
        idempotent: f.props.has('idempotency_key'),
        origin: { file: f.nameSpan.file, line: f.nameSpan.line },
      }];
    }),
  };
}

/** Each node's first address, as the tracer picks it. */
function firstAddresses(net: Network): (node: NodeId) => string | null {
  const first = new Map<NodeId, string>();
  for (const i of net.interfaces) if (i.address !== null && !first.has(i.node)) first.set(i.node, i.address);
  return (node) => first.get(node) ?? null;
}

const quantity = (props: Props, key: string) => valuesOf(props, key, 'quantity')[0]?.base;

/** A link's segment takes its timing; a switched segment the slowest of the links that join it. */
function wires(program: Program, net: Network): WireSpec[] {
  const linksAt = new Map<NodeId, Link[]>();
  for (const l of program.links) for (const e of new Set(l.ends.map((x) => x.node))) (linksAt.get(e) ?? linksAt.set(e, []).get(e)!).push(l);
  const out: WireSpec[] = [];
  for (const seg of net.segments) {
    const links = seg.type === 'link' && seg.link !== null ? [program.links[seg.link]] : seg.type === 'switched' ? [...new Set(seg.switches.flatMap((sw) => linksAt.get(sw) ?? []))] : [];
    if (links.length === 0) continue;
    out.push({
      segment: seg.id,
      delay: Math.max(...links.map((l) => quantity(l.props, 'delay') ?? 0.001)),
      bandwidth: Math.min(...links.map((l) => quantity(l.props, 'bandwidth') ?? 1e9)),
      loss: Math.max(...links.map((l) => quantity(l.props, 'loss') ?? 0)),
    });
  }
  return out;
}

function origin(n: Node): Origin {
  return { file: n.nameSpan.file, line: n.nameSpan.line };
}

type PeerOf = (id: NodeId, protocol: 'tcp' | 'udp') => Peer | null;

/** A GSLB answering with a node answers with that node's address (a process: the node it runs on). */
function processSpec(program: Program, n: Node, peerOf: PeerOf, addressOf: (node: NodeId) => string | null): ProcessSpec | null {
  if (n.nature !== 'process' || !n.on) return null;
  const base = { id: n.id, name: n.name, node: n.on.node, listen: valuesOf(n.props, 'listen', 'port').map((l) => ({ protocol: l.protocol, port: l.port })), origin: origin(n) };
  const refs = (key: string) => valuesOf(n.props, key, 'ref').map((r) => r.node);
  const upstream = (id: NodeId): Upstream | null => {
    const peer = peerOf(id, 'tcp');
    const target = program.nodes[id];
    const app = target.behaviours.has('database') ? 'db' : valuesOf(target.props, 'protocol', 'word')[0]?.value === 'rpc' ? 'rpc' : 'http';
    return peer && { ...peer, app };
  };
  const b = n.behaviours;
  if (b.has('resolver')) {
    const forward = refs('forward').flatMap((id): DnsForward[] => {
      const peer = peerOf(id, 'udp');
      const f = program.nodes[id];
      const zone = f.behaviours.has('gslb') ? (valuesOf(f.props, 'zone', 'string')[0]?.value.toLowerCase().replace(/\.$/, '') ?? '') : null;
      return peer ? [{ ...peer, zone }] : [];
    });
    return { ...base, role: 'resolver', forward, cacheTtl: quantity(n.props, 'cache_ttl') ?? null };
  }
  if (b.has('gslb')) {
    const ip = valuesOf(n.props, 'answer', 'ip')[0];
    const ref = valuesOf(n.props, 'answer', 'ref')[0];
    const answer = ip ? formatIp(ip.addr) : ref ? addressOf(program.nodes[ref.node].on?.node ?? ref.node) : null;
    return { ...base, role: 'gslb', zone: valuesOf(n.props, 'zone', 'string')[0]?.value ?? null, answer, ttl: quantity(n.props, 'ttl') ?? 300 };
  }
  if (b.has('proxy')) return { ...base, role: 'proxy', backends: refs('backend').flatMap((id) => upstream(id) ?? []) };
  if (b.has('service')) {
    const protocol = valuesOf(n.props, 'protocol', 'word')[0]?.value === 'rpc' ? 'rpc' : 'http';
    return { ...base, role: 'service', protocol, calls: refs('calls').flatMap((id) => upstream(id) ?? []) };
  }
  if (b.has('database')) {
    const replicas = Math.max(1, valuesOf(n.props, 'replicas', 'number')[0]?.value ?? 1);
    const quorum = valuesOf(n.props, 'quorum', 'number')[0]?.value ?? Math.floor(replicas / 2) + 1;
    return { ...base, role: 'database', replicas, quorum: Math.min(replicas, Math.max(1, quorum)) };
  }
  if (b.has('cache')) return { ...base, role: 'cache', zone: valuesOf(n.props, 'zone', 'string')[0]?.value ?? null };
  return null;
}

function bearers(program: Program, net: Network): BearerSpec[] {
  const adjacent = new Map<NodeId, NodeId[]>();
  for (const c of program.controls) {
    const [a, b] = c.ends.map((e) => e.node);
    (adjacent.get(a) ?? adjacent.set(a, []).get(a)!).push(b);
    (adjacent.get(b) ?? adjacent.set(b, []).get(b)!).push(a);
  }
  const peerWith = (node: NodeId, behaviour: 'mobility_manager' | 'subscriber_store'): NodeId | null =>
    adjacent.get(node)?.find((n) => program.nodes[n].behaviours.has(behaviour)) ?? null;
  const legsOf = new Map<NodeId, GtpTunnel[]>();
  for (const t of net.tunnels) if (t.type === 'gtpu') (legsOf.get(t.ue) ?? legsOf.set(t.ue, []).get(t.ue)!).push(t);
  return program.bearers.flatMap((b): BearerSpec[] => {
    if (b.via.length === 0) return [];
    const ue = b.ue.node;
    const access = b.via[0].node;
    const mme = peerWith(access, 'mobility_manager');
    const address = net.nodes[ue].interfaces.map((i) => net.interfaces[i].address).find((a) => a !== null) ?? null;
    return [{
      ue,
      imsi: valuesOf(program.nodes[ue].props, 'imsi', 'string')[0]?.value ?? null,
      access,
      anchor: b.via[b.via.length - 1].node,
      mme,
      hss: mme === null ? null : peerWith(mme, 'subscriber_store'),
      address,
      legs: legsOf.get(ue) ?? [],
    }];
  });
}
