// A flow's trace: plain data that emit/hops*.ts prints and assert/ checks.
import type { DropReason, Packet } from '../dataplane/index.js';
import type { NodeId } from '../resolve/program.js';

/** One connection of a flow: a DNS query, the client's request, or a proxy's or service's own call. */
export interface TraceSegment {
  index: number;
  client: NodeId;
  /** The process that answers (resolver, gslb, proxy, service, database, cache), once reached. */
  server: NodeId | null;
  /** The node the connection is addressed to. */
  serverNode: NodeId | null;
  protocol: 'tcp' | 'udp';
  port: number;
  purpose: 'dns' | 'request';
  /** The largest end-to-end IP packet that crosses every hop unfragmented; null for a connection inside one node. */
  pathMtu: number | null;
}

export interface TraceHop {
  index: number;
  segment: number;
  /** The nodes at the two ends of the wire (or radio, or VM port), and the switches between them. */
  from: NodeId;
  to: NodeId;
  switches: NodeId[];
  medium: 'wire' | 'radio' | 'vport';
  /** The network segment crossed (its MTU applies). */
  wire: number;
  /** The packet on that wire, outermost header first. */
  packet: Packet;
  /** What `from` changed before sending it. */
  changes: readonly string[];
}

export type Disposition =
  | { kind: 'delivered' }
  | { kind: 'dropped'; reason: DropReason; detail: string; node: NodeId; hop: number | null; segment: number };

export interface FlowTrace {
  name: string;
  direction: 'request' | 'reply';
  segments: TraceSegment[];
  hops: TraceHop[];
  disposition: Disposition;
}
