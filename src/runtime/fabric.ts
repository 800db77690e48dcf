// The network in time: a frame leaves a socket, every node it reaches forwards it with the data plane's
// `forward` (routing, NAT, tunnels — exactly what `topo hops` does), and the wires add delay, queueing and
// loss. ARP runs before a node's first frame to each next hop.
import { forward, NatState, originate, payloadRoom, small, type Arrival, type Dataplane, type Outcome, type Send } from '../dataplane/index.js';
import { ARP_ATTEMPTS, ARP_BYTES, ARP_RETRY, ArpCache } from './arp.js';
import { frameBytes, Links, type Lane } from './links.js';
import { flagNames, payloadOf, type Body } from './message.js';
import type { Random } from './random.js';
import type { Scheduler } from './scheduler.js';
import type { NodeId, SimSpec } from './spec.js';
import type { Timeline } from './timeline.js';
import type { Packet, Transport } from '../dataplane/packet.js';

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

/**
 * A forwarding decision, and the one the next node made for the packet it sent (a flow-cache entry). It holds
 * for every packet with the same headers and a payload up to `room` (the data plane's `payloadRoom`): one
 * decision serves a connection's SYN, its data segments and its ACKs alike. What every hop reads of a send is
 * copied beside the outcome, so that a hop touches one object, not the outcome, its arrival and its packet.
 */
interface Decision {
  out: Outcome;
  next: Decision | undefined;
  room: number;
  /** For a send (else -1, null): where to, over which lane; bytes on the wire less the payload. */
  to: NodeId;
  lane: Lane | null;
  overhead: number;
  /** The ARP-cache key of the next hop when the send goes out of an interface onto a wire, else -1. */
  arpKey: number;
}

const ORIGIN: Arrival = { via: 'origin' };

/**
 * The path of what one socket sends from one node: the fields of its packets that decide their path, and the
 * flow cache's decision for them. A decision stays right for the run — a NAT mapping, once made, never
 * changes — except a drop (a reply may find the mapping it lacked once the request has passed), so drops are
 * always decided afresh. The decisions live as long as the socket that holds its path: a TCP connection's
 * packets share one; each UDP datagram has its own (DNS asks from a fresh port), so datagrams are decided anew.
 */
export class SocketPath {
  decision: Decision | undefined;
  constructor(
    readonly node: NodeId,
    readonly src: string,
    readonly dst: string,
    readonly proto: Transport,
    readonly sport: number,
    readonly dport: number,
  ) {}

  /** The packet as the socket sends it (made only when the flow cache has no decision that holds for its size). */
  packet(payload: number): Packet {
    return originate(this.src, this.dst, this.proto, this.sport, this.dport, payload);
  }
}

/** Whether the flow cache should keep a fresh decision in place of `cached`: not a drop, and good for more sizes. */
function worthKeeping(fresh: Decision, cached: Decision | undefined): boolean {
  return fresh.out.kind !== 'drop' && (cached === undefined || fresh.room > cached.room);
}

/** Where delivered packets go: the node's IP stack. */
export type Deliver = (node: NodeId, packet: Packet, body: Body) => void;

export class Fabric {
  readonly nat: NatState;
  readonly links: Links;
  readonly taps: WireTap[] = [];
  /** Packet-hops: how many times a node forwarded a frame. */
  hops = 0;
  private readonly arp: ArpCache[] = [];
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

  /** A socket sends `body` along `flow`: like every hop after it, no packet is made when the cache knows the way. */
  originate(flow: SocketPath, body: Body): void {
    const doomed = this.rng.chance(this.loss);
    const payload = payloadOf(body);
    let decision = flow.decision;
    if (decision === undefined || payload > decision.room) {
      decision = this.decide(flow.node, ORIGIN, flow.packet(payload));
      if (worthKeeping(decision, flow.decision)) flow.decision = decision;
    }
    this.at(flow.node, decision, payload, body, doomed, true);
  }

  /** A frame of `payload` bytes sent by `from` reaches the next node, which decides what to do with it once per flow. */
  private readonly arrive = (from: Decision, body: Body, payload: number): void => {
    let decision = from.next;
    if (decision === undefined || payload > decision.room) {
      const sent = from.out as Send;
      decision = this.decide(from.to, sent.arrival, withPayload(sent.packet, payload));
      if (worthKeeping(decision, from.next)) from.next = decision;
    }
    this.at(from.to, decision, payload, body, false, false);
  };

  private decide(node: NodeId, arrival: Arrival, packet: Packet): Decision {
    const out = forward(this.dp, this.nat, node, arrival, packet, false);
    const room = payloadRoom(this.dp, out);
    if (out.kind !== 'send') return { out, next: undefined, room, to: -1, lane: null, overhead: 0, arpKey: -1 };
    const arpKey = out.medium === 'wire' && out.arrival.via === 'iface' ? arpKeyOf(out.segment, out.arrival.iface) : -1;
    const lane = this.links.lane(out.segment, node, out.medium);
    return { out, next: undefined, room, to: out.to, lane, overhead: frameBytes(out.packet) - out.packet.payload, arpKey };
  }

  /**
   * `node` acts on a packet of `payload` bytes as `decision` says. The rare paths that need a closure make it
   * in a method of their own: a closure here would cost every hop a context object for its captured variables.
   */
  private at(node: NodeId, decision: Decision, payload: number, body: Body, doomed: boolean, originated: boolean): void {
    this.hops++;
    if (decision.to >= 0) {
      if (decision.arpKey < 0 || this.arp[node]?.has(decision.arpKey)) this.send(node, decision, payload, body, doomed);
      else this.sendAfterArp(node, decision, payload, body, doomed);
      return;
    }
    const out = decision.out;
    if (out.kind === 'delivered') {
      // A packet to the node itself (a service calling one beside it) is delivered after this event.
      if (originated) this.deliverLater(node, withPayload(out.packet, payload), body);
      else this.deliver(node, withPayload(out.packet, payload), body);
    } else if (out.kind === 'drop') {
      this.timeline.add('drop', this.name(node), `dropped: ${out.drop} — ${out.detail}`);
    }
  }

  private deliverLater(node: NodeId, packet: Packet, body: Body): void {
    this.sched.after(0, () => this.deliver(node, packet, body));
  }

  private send(node: NodeId, decision: Decision, payload: number, body: Body, doomed: boolean): void {
    const departs = this.links.transmit(decision.lane!, decision.overhead + payload, doomed ? null : this.arrive, decision, body, payload);
    if (departs === null) return this.lost(node, decision.to, describe(body));
    if (this.taps.length === 0) return;
    const out = decision.out as Send;
    const record: WireRecord = { t: departs, from: node, to: out.to, segment: out.segment, medium: out.medium, packet: withPayload(out.packet, payload), body };
    for (const tap of this.taps) tap(record);
  }

  private lost(from: NodeId, to: NodeId, what: string): void {
    this.timeline.add('loss', this.name(from), `lost on the wire to ${this.name(to)}: ${what}`, '45–47');
  }

  /** Asks with ARP (again every second) and sends on the answer. */
  private sendAfterArp(node: NodeId, decision: Decision, payload: number, body: Body, doomed: boolean): void {
    const send = () => this.send(node, decision, payload, body, doomed);
    const cache = (this.arp[node] ??= new ArpCache());
    if (cache.wait(decision.arpKey, send)) this.ask(node, decision.out as Send, cache, decision.arpKey);
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
      if (this.links.transmit(this.links.lane(out.segment, out.to, 'wire'), ARP_BYTES, () => cache.resolved(key)) === null) this.lost(out.to, node, 'ARP reply');
    };
    if (this.links.transmit(this.links.lane(out.segment, node, 'wire'), ARP_BYTES, answer) === null) this.lost(node, out.to, 'ARP request');
    this.sched.after(ARP_RETRY, () => this.ask(node, out, cache, key));
  }
}

/** Resolved next hops by `segment|peer interface`, as one number. */
function arpKeyOf(segment: number, iface: number): number {
  return segment * 1048576 + iface;
}

/** A decided packet with the payload of the one at hand (the same object when the sizes agree). */
function withPayload(p: Packet, payload: number): Packet {
  return p.payload === payload ? p : { headers: p.headers, payload: small(payload) };
}

function describe(b: Body): string {
  return b.kind === 'udp' ? `UDP ${b.msg.label}` : `TCP ${flagNames(b.flags)} seq ${b.seq} len ${b.len}`;
}
