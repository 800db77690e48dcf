// A flow as a chain of connections: DNS queries first (client → resolver → GSLB), then the client's request,
// then each proxy's backend connection and each service's calls, in order. Every connection is walked hop by
// hop; the first one that fails ends the flow. The reply retraces every delivered connection backwards.
import { lpm, isDrop, NatState, originate, terminate, innerIp, ipAt, portsAfter, type Dataplane, type Drop, type Packet } from '../dataplane/index.js';
import type { Listener } from '../model/types.js';
import type { Flow, NodeId, Program } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';
import { flowTarget, resolveName } from './destination.js';
import type { FlowTrace, TraceHop, TraceSegment, Disposition } from './types.js';
import { cachedWalk, walk, type WalkCache } from './walk.js';

/** Each client numbers its connections from here, per protocol (Linux starts its ephemeral range higher; a
 * fixed, readable base keeps outputs stable). */
const FIRST_CLIENT_PORT = 40001;
const DEFAULT_SIZE = 512;

export interface TraceContext {
  program: Program;
  dp: Dataplane;
  /** Listeners by `node/protocol/port`. */
  listeners: Map<string, Listener>;
  walks: WalkCache;
}

export function traceContext(program: Program, dp: Dataplane): TraceContext {
  const listeners = new Map<string, Listener>();
  for (const l of dp.net.listeners) {
    const key = `${l.node}/${l.protocol}/${l.port}`;
    if (!listeners.has(key)) listeners.set(key, l);
  }
  return { program, dp, listeners, walks: new Map() };
}

/** What a connection brought to its server: the packet as delivered, for the reply to turn around. */
interface Delivery {
  segment: TraceSegment;
  packet: Packet;
}

class FlowTracer {
  readonly segments: TraceSegment[] = [];
  readonly hops: TraceHop[] = [];
  readonly deliveries: Delivery[] = [];
  readonly nat: NatState;
  private readonly ports = new Map<string, number>();
  disposition: Disposition = { kind: 'delivered' };

  constructor(readonly ctx: TraceContext, readonly payload: number) {
    this.nat = new NatState(ctx.dp);
  }

  addressOf = (node: NodeId): string | null => this.ctx.dp.addresses[node].values().next().value ?? null;

  drop(d: Drop, node: NodeId): false {
    const segment = this.segments.length;
    this.disposition = { kind: 'dropped', reason: d.drop, detail: d.detail, node, hop: this.hops.length > 0 ? this.hops.length : null, segment };
    return false;
  }

  /** Open a connection from `client` and walk its first packet; returns the process that accepted it. */
  connect(client: NodeId, address: string, protocol: 'tcp' | 'udp', port: number, purpose: TraceSegment['purpose'], request?: Packet): NodeId | false {
    const { dp } = this.ctx;
    const key = `${client}/${protocol}`;
    const sport = this.ports.get(key) ?? FIRST_CLIENT_PORT;
    this.ports.set(key, sport + 1);
    const eg = lpm(dp.fibs[client], address);
    const src = (!isDrop(eg) && dp.ifaces[client].get(eg.iface)?.address) || this.addressOf(client) || '0.0.0.0';
    const packet = request ? terminate(request, { src, sport, dst: address, dport: port }) : originate(src, address, protocol, sport, port, this.payload);
    const segment: TraceSegment = { index: this.segments.length + 1, client, server: null, serverNode: null, protocol, port, purpose, pathMtu: null };
    this.segments.push(segment);
    const { end, pathMtu } = cachedWalk(dp, this.nat, this.ctx.walks, client, packet, segment.index, this.hops);
    segment.pathMtu = pathMtu;
    if (end.kind === 'dropped') return this.drop({ drop: end.reason, detail: end.detail }, end.node);
    segment.serverNode = end.node;
    const ii = innerIp(end.packet);
    const ports = portsAfter(end.packet, ii);
    const listener = ports && this.ctx.listeners.get(`${end.node}/${ports.proto}/${ports.dst}`);
    if (!listener) return this.drop({ drop: 'no-listener', detail: `nothing listens on ${protocol}/${ports?.dst ?? port} at ${dp.net.nodes[end.node].name} (${ipAt(end.packet, ii).dst})` }, end.node);
    segment.server = listener.process;
    this.deliveries.push({ segment, packet: end.packet });
    return listener.process;
  }

  /** A proxy's backends and a service's calls, depth first; each process is followed once. */
  follow(process: NodeId, seen: Set<NodeId>): boolean {
    if (seen.has(process)) return true;
    seen.add(process);
    const p = this.ctx.program.nodes[process];
    const proxy = p.behaviours.has('proxy');
    const next = valuesOf(p.props, proxy ? 'backend' : 'calls', 'ref');
    const request = proxy ? this.deliveries[this.deliveries.length - 1].packet : undefined;
    for (const ref of next) {
      const target = this.ctx.program.nodes[ref.node];
      const node = target.on?.node ?? target.id;
      const address = this.addressOf(node);
      const listen = valuesOf(target.props, 'listen', 'port')[0];
      const from = p.on?.node ?? p.id;
      if (address === null || !listen) return this.drop({ drop: 'no-listener', detail: `${target.name} has no address or listen port` }, from);
      const protocol = listen.protocol === 'udp' ? 'udp' : 'tcp';
      const server = this.connect(from, address, protocol, listen.port, 'request', request);
      if (server === false || !this.follow(server, seen)) return false;
    }
    return true;
  }
}

export interface FlowTraces {
  request: FlowTrace;
  /** Traced on demand (most callers need only the request); it uses the NAT mappings the request made. */
  reply: () => FlowTrace;
}

export function traceFlow(ctx: TraceContext, flow: Flow): FlowTraces {
  const size = valuesOf(flow.props, 'size', 'quantity')[0]?.base ?? DEFAULT_SIZE;
  const t = new FlowTracer(ctx, size);
  const client = valuesOf(flow.props, 'from', 'ref')[0]?.node;
  if (client !== undefined) run(t, ctx, flow, client);
  else t.disposition = { kind: 'dropped', reason: 'unresolved-name', detail: `flow ${flow.name} has no client`, node: 0, hop: null, segment: 0 };
  const request: FlowTrace = { name: flow.name, direction: 'request', segments: t.segments, hops: t.hops, disposition: t.disposition };
  return { request, reply: () => traceReply(t, flow.name) };
}

function run(t: FlowTracer, ctx: TraceContext, flow: Flow, client: NodeId): void {
  const target = flowTarget(ctx.program, flow, t.addressOf);
  if (isDrop(target)) return void t.drop(target, client);
  let address = target.address;
  if (address === undefined) {
    const resolution = resolveName(ctx.program, client, target.name!, t.addressOf);
    if (isDrop(resolution)) return void t.drop(resolution, client);
    for (const q of resolution.queries) {
      const server = ctx.program.nodes[q.server];
      const node = server.on?.node ?? server.id;
      const listen = valuesOf(server.props, 'listen', 'port').find((p) => p.protocol === 'udp');
      const at = t.addressOf(node);
      if (at === null) return void t.drop({ drop: 'unresolved-name', detail: `${server.name} has no address` }, q.asker);
      if (t.connect(q.asker, at, 'udp', listen?.port ?? 53, 'dns') === false) return;
    }
    address = resolution.address;
  }
  const server = t.connect(client, address, target.protocol, target.port, 'request');
  if (server !== false) t.follow(server, new Set());
}

/**
 * Every delivered connection answered, DNS answers first, each phase from the last connection back. When the
 * request was dropped the client gets no answer: the reply carries the request's drop (without a reply hop),
 * and the answers of the connections that did get through are still traced.
 */
function traceReply(t: FlowTracer, name: string): FlowTrace {
  const dp = t.ctx.dp;
  const hops: TraceHop[] = [];
  const byPhase = (purpose: TraceSegment['purpose']) => t.deliveries.filter((d) => d.segment.purpose === purpose).reverse();
  let disposition: Disposition = t.disposition.kind === 'dropped' ? { ...t.disposition, hop: null } : { kind: 'delivered' };
  for (const { segment, packet } of [...byPhase('dns'), ...byPhase('request')]) {
    const ii = innerIp(packet);
    const ip = ipAt(packet, ii);
    const ports = portsAfter(packet, ii)!;
    const answer = originate(ip.dst, ip.src, ports.proto, ports.dst, ports.src, packet.payload);
    const end = walk(dp, t.nat, segment.serverNode!, answer, segment.index, hops);
    // Each answer is followed even after one is lost, so that one bad path does not hide the others.
    if (end.kind === 'dropped' && disposition.kind === 'delivered') {
      disposition = { kind: 'dropped', reason: end.reason, detail: end.detail, node: end.node, hop: hops.length > 0 ? hops.length : null, segment: segment.index };
    }
  }
  return { name, direction: 'reply', segments: t.segments, hops, disposition };
}
