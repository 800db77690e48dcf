// A node's IP endpoint: UDP sockets, TCP listeners and connections, ephemeral ports. Packets the data plane
// delivers to the node come here and are handed to the socket their innermost addresses and ports name.
import { innerIp, ipAt, isDrop, lpm, NatState, originate, overhead, portsAfter, type Packet } from '../dataplane/index.js';
import { walk } from '../trace/walk.js';
import { Connections } from './connections.js';
import { SocketPath } from './fabric.js';
import type { Body, Message, TcpSegment } from './message.js';
import { SYN } from './message.js';
import type { Scheduler } from './scheduler.js';
import type { Simulation } from './simulation.js';
import type { NodeId } from './spec.js';
import { TcpConnection, type TcpHost } from './tcp/connection.js';

export interface Endpoint {
  ip: string;
  port: number;
}
export type UdpHandler = (msg: Message, from: Endpoint, to: Endpoint) => void;

/** Each node numbers its connections from here, per protocol, as `topo hops` does. */
const FIRST_CLIENT_PORT = 40001;
const IP_TCP_HEADERS = 40;

export class Stack {
  private readonly nextPort = { tcp: FIRST_CLIENT_PORT, udp: FIRST_CLIENT_PORT };
  private readonly udp = new Map<number, UdpHandler>();
  private readonly listeners = new Map<number, (c: TcpConnection) => void>();
  private readonly conns = new Connections<TcpConnection>();
  private readonly pmtu = new Map<string, number>();

  constructor(private readonly sim: Simulation, readonly node: NodeId) {}

  get name(): string {
    return this.sim.spec.network.nodes[this.node].name;
  }

  /** The source address for `dst`: the egress interface's, as a socket would bind. */
  addressToward(dst: string): string {
    const dp = this.sim.dp;
    const eg = lpm(dp.fibs[this.node], dst);
    return (!isDrop(eg) && dp.ifaces[this.node].get(eg.iface)?.address) || dp.addresses[this.node].values().next().value || '0.0.0.0';
  }

  ephemeral(proto: 'tcp' | 'udp'): number {
    return this.nextPort[proto]++;
  }

  bindUdp(port: number, handler: UdpHandler): void {
    this.udp.set(port, handler);
  }

  unbindUdp(port: number): void {
    this.udp.delete(port);
  }

  sendUdp(local: Endpoint, remote: Endpoint, msg: Message): void {
    // A fresh flow per datagram: a DNS question comes from a fresh port, so there is nothing to remember.
    const flow = new SocketPath(this.node, local.ip, remote.ip, 'udp', local.port, remote.port);
    this.sim.fabric.originate(flow, { kind: 'udp', msg });
  }

  listen(port: number, accept: (c: TcpConnection) => void): void {
    this.listeners.set(port, accept);
  }

  /** Active open to `remote` from a fresh ephemeral port. */
  connect(remote: Endpoint): TcpConnection {
    const local = { ip: this.addressToward(remote.ip), port: this.ephemeral('tcp') };
    const c = this.open(local, remote, `${this.name}:${local.port} → ${remote.ip}:${remote.port}`);
    c.connect();
    return c;
  }

  input(p: Packet, body: Body): void {
    const ii = innerIp(p);
    const ip = ipAt(p, ii);
    const ports = portsAfter(p, ii);
    if (!ports) return;
    if (body.kind === 'tcp') {
      const known = this.conns.get(ip.dst, ports.dst, ip.src, ports.src);
      if (known) return known.receive(body);
    }
    const local = { ip: ip.dst, port: ports.dst };
    const remote = { ip: ip.src, port: ports.src };
    if (body.kind === 'udp') {
      const handler = this.udp.get(local.port);
      if (handler) return handler(body.msg, remote, local);
      return this.sim.timeline.add('drop', this.name, `dropped: no-listener — nothing listens on udp/${local.port}`);
    }
    const accept = this.listeners.get(local.port);
    if (accept && body.flags & SYN) {
      const c = this.open(local, remote, `${remote.ip}:${remote.port} → ${this.name}:${local.port}`);
      accept(c);
      return c.accept(body);
    }
    // A late segment of a connection already closed, or a port nobody listens on.
    this.sim.timeline.add('drop', this.name, `dropped: no-listener — no TCP socket for ${remote.ip}:${remote.port} → ${local.ip}:${local.port}`);
  }

  private open(local: Endpoint, remote: Endpoint, label: string): TcpConnection {
    const sim = this.sim;
    const flow = new SocketPath(this.node, local.ip, remote.ip, 'tcp', local.port, remote.port);
    const c = new TcpConnection(new Socket(this, sim, flow), { iss: sim.rng.u32(), mss: this.pathMtu(local, remote) - IP_TCP_HEADERS, label });
    this.conns.set(local.ip, local.port, remote.ip, remote.port, c);
    return c;
  }

  /** Forgets a connection that closed (unless a newer one took its addresses and ports). */
  forget(flow: SocketPath, c: TcpConnection): void {
    this.conns.delete(flow.src, flow.sport, flow.dst, flow.dport, c);
  }

  /**
   * The path MTU toward `remote`, as path MTU discovery would settle on it: the smallest link MTU on the way
   * less what tunnels add there. The simulator has no ICMP, so it walks a probe through the data plane once
   * (with its own NAT state, leaving the run's untouched) and remembers the answer per pair of addresses:
   * forwarding reads ports only to pick a NAT mapping, never a path, so every connection between the same
   * two addresses (a server's from each client port) has the same path MTU.
   */
  private pathMtu(local: Endpoint, remote: Endpoint): number {
    const k = `${local.ip}|${remote.ip}`;
    const known = this.pmtu.get(k);
    if (known !== undefined) return known;
    const dp = this.sim.dp;
    const hops: Parameters<typeof walk>[5] = [];
    walk(dp, new NatState(dp), this.node, originate(local.ip, remote.ip, 'tcp', local.port, remote.port, 0), 0, hops);
    const mtu = hops.reduce((m, h) => Math.min(m, dp.net.segments[h.wire].mtu - overhead(h.packet)), 1500);
    this.pmtu.set(k, mtu);
    return mtu;
  }
}

/**
 * A connection's hold on its node: how it sends, logs and leaves. One object per connection rather than a
 * closure for each, since every connection keeps its host until TIME-WAIT ends.
 */
class Socket implements TcpHost {
  readonly sched: Scheduler;

  constructor(
    private readonly stack: Stack,
    private readonly sim: Simulation,
    private readonly flow: SocketPath,
  ) {
    this.sched = sim.sched;
  }

  emit(seg: TcpSegment): void {
    this.sim.fabric.originate(this.flow, seg);
  }

  log(text: string, step?: string): void {
    this.sim.timeline.add('tcp', this.stack.name, text, step);
  }

  release(connection: TcpConnection): void {
    this.stack.forget(this.flow, connection);
  }
}
