// What a generated simulator carries as data: the network model, each node's FIB, the cabling, each wire's
// timing, the processes with their tables, the bearers to attach and the flows. Plain, JSON-serialisable.
import type { FibEntry } from '../control/types.js';
import type { GtpTunnel, Network } from '../model/types.js';

export type NodeId = number;

/** Where a declaration comes from in the .topo source (generated code cites it). */
export interface Origin {
  file: string;
  line: number;
}

/** The timing of one network segment (model `segments[segment]`), from its link's `delay`, `bandwidth`, `loss`. */
export interface WireSpec {
  segment: number;
  /** One-way propagation delay, seconds. */
  delay: number;
  /** Bits per second. */
  bandwidth: number;
  /** Probability that a frame crossing it is lost. */
  loss: number;
}

/** A process another one talks to: its listening address and port. */
export interface Peer {
  process: string;
  node: NodeId;
  address: string;
  protocol: 'tcp' | 'udp';
  port: number;
}

/** A connection a process opens to the next tier, and what it speaks there. */
export interface Upstream extends Peer {
  app: 'http' | 'rpc' | 'db';
}

/** One server a resolver may ask: a GSLB (with the zone it serves, '' for none) or another resolver (null). */
export interface DnsForward extends Peer {
  zone: string | null;
}

interface ProcessBase {
  /** The process declaration's node id. */
  id: NodeId;
  name: string;
  /** The node it runs on. */
  node: NodeId;
  listen: { protocol: 'tcp' | 'udp' | 'sctp'; port: number }[];
  origin: Origin | null;
}
export type ProcessSpec = ProcessBase &
  (
    | { role: 'resolver'; forward: DnsForward[]; cacheTtl: number | null }
    | { role: 'gslb'; zone: string | null; answer: string | null; ttl: number }
    | { role: 'proxy'; backends: Upstream[] }
    | { role: 'service'; protocol: 'http' | 'rpc'; calls: Upstream[] }
    | { role: 'database'; replicas: number; quorum: number }
    | { role: 'cache'; zone: string | null }
  );
export type Role = ProcessSpec['role'];

/** A UE's attach: the nodes of its bearer, the signalling nodes, and the GTP-U legs the model assigned. */
export interface BearerSpec {
  ue: NodeId;
  imsi: string | null;
  access: NodeId;
  anchor: NodeId;
  /** The mobility manager the access node signals to, and the subscriber store it asks (null if undeclared). */
  mme: NodeId | null;
  hss: NodeId | null;
  address: string | null;
  legs: GtpTunnel[];
}

export interface FlowSpec {
  name: string;
  client: NodeId;
  /** The client's resolver, when `to` is a name. */
  resolver: Peer | null;
  /** The host name to resolve, or the address to connect to. */
  host: string;
  resolve: boolean;
  protocol: 'tcp' | 'udp';
  port: number;
  /** TLS on the client's connection (an https URL). */
  tls: boolean;
  method: string;
  path: string;
  size: number;
  idempotent: boolean;
  origin: Origin | null;
}

export interface SimSpec {
  /** The .topo file it was generated from. */
  source: string;
  network: Network;
  /** Per node (by id), the FIB the control plane computed. */
  fibs: FibEntry[][];
  /** Every declared link as its two end nodes (the data plane finds switch paths over these). */
  cables: [NodeId, NodeId][];
  wires: WireSpec[];
  processes: ProcessSpec[];
  bearers: BearerSpec[];
  flows: FlowSpec[];
}
