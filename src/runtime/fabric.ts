// The network in time: a frame leaves a socket, every node it reaches forwards it with the data plane's
// `forward` (routing, NAT, tunnels — exactly what `topo hops` does), and the wires add delay, queueing and
// loss. ARP runs before a node's first frame to each next hop.
import { forward, NatState, type Arrival, type Dataplane, type Outcome, type Send } from '../dataplane/index.js';
import { ARP_ATTEMPTS, ARP_BYTES, ARP_RETRY, ArpCache } from './arp.js';
import { frameBytes, Links } from './links.js';
import { flagNames, type Body, type Frame } from './message.js';
import type { Random } from './random.js';
import type { Scheduler } from './scheduler.js';
import type { NodeId, SimSpec } from './spec.js';
import type { Timeline } from './timeline.js';
import type { Ipv4, Packet, Ports } from '../dataplane/packet.js';

/** One frame on one wire, as a capture would see it. */
export interface WireRecord {
  /** When its first bit leaves `from`. */
  t: number;
  from: NodeId;
  to: NodeId;
  segment: number;
  medium: Send['medium'];
  packet: Packet;
  body: Body;
}
export type WireTap = (r: WireRecord) => void;

/** A forwarding decision, and the one the next node made for the packet it sent (a flow-cache entry). */
interface Decision {
  out: Outcome;
  next: Decision | undefined;
  /** Bytes on the wire of the packet a send puts there (0 otherwise). */
  bytes: number;
}

const ORIGIN: Arrival = { via: 'origin' };

/** Where delivered packets go: the node's IP stack. */
export type Deliver = (node: NodeId, frame: Frame) => void;

export class Fabric {
  readonly nat: NatState;
  readonly links: Links;
  readonly taps: WireTap[] = [];
  /** Packet-hops: how many times a node forwarded a frame. */
  hops = 0;
  private readonly arp: ArpCache[] = [];
  /**
   * A flow cache, as Open vSwitch keeps one: what `forward` decided for a packet a socket sent (by node,
   * addresses, ports and size), and what the next node decides for each packet a decision sent on. A decision
   * stays right for the run — a NAT mapping, once made, never changes — except a drop (a reply may find the
   * mapping it lacked once the request has passed), so drops are always decided afresh. The entries are
   * kept per socket pair (then by size), so a closed connection's go with it (`forget`): deciding afresh
   * would give the same answer, and a run of many connections keeps only the live ones' decisions.
   */
  private readonly first = new Map<string, Map<number, Decision>>();
  deliver: Deliver = () => {};

  constructor(
    readonly spec: SimSpec,
    readonly dp: Dataplane,
    private readonly sched: Scheduler,
    private readonly rng: Random,
    private readonly timeline: Timeline,
    /** The run's end-to-end loss: the probability that a packet a socket sends never arrives. */
    private readonly loss: number,
  ) {
    this.nat = new NatState(dp);
    this.links = new Links(spec.wires, sched, rng);
  }

  name(node: NodeId): string {
    return this.spec.network.nodes[node].name;
  }

  /** A frame sent by `decision` reaches the next node (one function for every frame: no closure per hop). */
  private readonly arrive = (decision: Decision, body: Body): void => {
    const out = decision.out as Send;
    this.at(out.to, out.arrival, out.packet, body, false, decision);
  };

  /** A socket on `node` sends a packet. */
  originate(node: NodeId, frame: Frame): void {
    const doomed = this.rng.chance(this.loss);
    if (doomed) frame.doomed = true;
    this.at(node, ORIGIN, frame.packet, frame.body, doomed, null);
  }

  /** A packet reaches `node` (the frame's parts apart: nothing is allocated per hop but the next event). */
  private at(node: NodeId, arrival: Arrival, packet: Packet, body: Body, doomed: boolean, from: Decision | null): void {
    this.hops++;
    let bySize: Map<number, Decision> | undefined;
    let decision: Decision | undefined;
    if (from === null) {
      const key = originKey(node, packet);
      bySize = this.first.get(key) ?? this.first.set(key, new Map()).get(key)!;
      decision = bySize.get(packet.payload);
    } else decision = from.next;
    if (!decision) {
      const out = forward(this.dp, this.nat, node, arrival, packet);
      const made: Decision = { out, next: undefined, bytes: out.kind === 'send' ? frameBytes(out.packet) : 0 };
      if (out.kind !== 'drop') {
        if (bySize) bySize.set(packet.payload, made);
        else from!.next = made;
      }
      decision = made;
    }
    const out = decision.out;
    if (out.kind === 'delivered') {
      const delivered = { packet: out.packet, body };
      // A packet to the node itself (a service calling one beside it) is delivered after this event.
      if (arrival.via === 'origin') this.sched.after(0, () => this.deliver(node, delivered));
      else this.deliver(node, delivered);
    } else if (out.kind === 'drop') {
      this.timeline.add('drop', this.name(node), `dropped: ${out.drop} — ${out.detail}`);
    } else if (out.medium !== 'wire' || this.arpReady(node, out)) {
      this.send(node, decision, out, body, doomed);
    } else {
      const d = decision;
      this.arpWait(node, out, () => this.send(node, d, out, body, doomed));
    }
  }

  /** Drops the flow-cache entries of what `node` sends from `src:sport` to `dst:dport` (a connection that closed). */
  forget(node: NodeId, proto: Ports['proto'], src: string, sport: number, dst: string, dport: number): void {
    this.first.delete(socketKey(node, src, dst, proto, sport, dport));
  }

  private send(node: NodeId, decision: Decision, out: Send, body: Body, doomed: boolean): void {
    const departs = this.links.transmit(out.segment, node, out.medium, decision.bytes, doomed ? null : this.arrive, decision, body);
    if (departs === null) return this.lost(node, out.to, describe({ packet: out.packet, body }));
    if (this.taps.length === 0) return;
    const record: WireRecord = { t: departs, from: node, to: out.to, segment: out.segment, medium: out.medium, packet: out.packet, body };
    for (const tap of this.taps) tap(record);
  }

  private lost(from: NodeId, to: NodeId, what: string): void {
    this.timeline.add('loss', this.name(from), `lost on the wire to ${this.name(to)}: ${what}`, '45–47');
  }

  /** Whether a frame may go now: not onto an interface, or the next hop's MAC is cached. */
  private arpReady(node: NodeId, out: Send): boolean {
    if (out.arrival.via !== 'iface') return true;
    const cache = this.arp[node];
    return cache !== undefined && cache.has(out.segment * 1048576 + out.arrival.iface);
  }

  /** Asks with ARP (again every second) and sends on the answer. */
  private arpWait(node: NodeId, out: Send, send: () => void): void {
    if (out.arrival.via !== 'iface') return send();
    const cache = (this.arp[node] ??= new ArpCache());
    const key = out.segment * 1048576 + out.arrival.iface;
    if (cache.wait(key, send)) this.ask(node, out, cache, key);
  }

  private ask(node: NodeId, out: Send, cache: ArpCache, key: number): void {
    if (out.arrival.via !== 'iface' || cache.has(key)) return;
    const net = this.spec.network;
    const peer = net.interfaces[out.arrival.iface];
    if (!cache.ask(key)) {
      this.timeline.add('drop', this.name(node), `dropped: arp-failure — no answer to ARP for ${peer.address} after ${ARP_ATTEMPTS} requests`);
      return;
    }
    const mine = net.nodes[node].interfaces.map((i) => net.interfaces[i]).find((i) => i.segment === out.segment);
    this.timeline.add('arp', this.name(node), `ARP who-has ${peer.address} tell ${mine?.address ?? '?'}`, '32');
    const answer = () => {
      this.timeline.add('arp', this.name(out.to), `ARP ${peer.address} is-at ${peer.mac}`, '32');
      if (this.links.transmit(out.segment, out.to, 'wire', ARP_BYTES, () => cache.resolved(key)) === null) this.lost(out.to, node, 'ARP reply');
    };
    if (this.links.transmit(out.segment, node, 'wire', ARP_BYTES, answer) === null) this.lost(node, out.to, 'ARP request');
    this.sched.after(ARP_RETRY, () => this.ask(node, out, cache, key));
  }
}

/** A packet as a socket sends it: IPv4 and the transport ports, whose fields (and size) decide its path. */
function originKey(node: NodeId, p: Packet): string {
  const [ip, ports] = p.headers as [Ipv4, Ports];
  return socketKey(node, ip.src, ip.dst, ports.proto, ports.src, ports.dst);
}

function socketKey(node: NodeId, src: string, dst: string, proto: Ports['proto'], sport: number, dport: number): string {
  return `${node}|${src}|${dst}|${proto}|${sport}|${dport}`;
}

export function describe(frame: Frame): string {
  const b = frame.body;
  return b.kind === 'udp' ? `UDP ${b.msg.label}` : `TCP ${flagNames(b.flags)} seq ${b.seq} len ${b.len}`;
}
