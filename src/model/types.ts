import type { NodeId } from '../resolve/program.js';

/**
 * The network model: plain, JSON-serialisable data built from the resolved program. Every address and MAC
 * is decided here (declared, or assigned deterministically), so that routes, traces, diagrams and the
 * simulator all see the same network. Addresses are dotted quads; ids are indices into the arrays.
 */
export interface Network {
  nodes: NetNode[];
  interfaces: Iface[];
  segments: Segment[];
  tunnels: Tunnel[];
  nats: NatRule[];
  listeners: Listener[];
}

export interface NetNode {
  id: NodeId;
  name: string;
  kind: string | null;
  behaviours: string[];
  /** The ASN of the enclosing autonomous system, if any. */
  asn: number | null;
  /** The enclosing VPC's node id, if any. */
  vpc: NodeId | null;
  /** The physical host a VM or gateway runs on. */
  host: NodeId | null;
  /** Interface ids in creation order (links in declaration order, then overlay and pools). */
  interfaces: number[];
}

export type IfaceOrigin = 'declared' | 'assigned';

export interface Iface {
  id: number;
  node: NodeId;
  name: string;
  segment: number;
  address: string | null;
  prefixLength: number | null;
  mac: string;
  /** Whether the address was written in the file or chosen by the compiler (outputs show both). */
  addressOrigin: IfaceOrigin;
  macOrigin: IfaceOrigin;
}

/**
 * A broadcast domain: a point-to-point link, the segment of one or more joined switches, a VPC subnet
 * (an overlay carried by VXLAN), or a gtp_anchor's UE pool (reached through bearers), or a loopback.
 */
export interface Segment {
  id: number;
  type: 'link' | 'switched' | 'overlay' | 'ue_pool' | 'loopback';
  /** "pgw -- nat", "switch core", "subnet web", "ue pool of pgw". */
  label: string;
  subnet: string | null;
  subnetOrigin: IfaceOrigin;
  interfaces: number[];
  /** For `link`: the program's link id; for `switched`: the switches' node ids; `overlay`: the VPC. */
  link: number | null;
  switches: NodeId[];
  vpc: NodeId | null;
  mtu: number;
  cost: number;
}

export type Tunnel = GtpTunnel | VxlanTunnel;

/** One GTP-U leg of a bearer: S1-U (access–relay) or S5 (relay–anchor); TEIDs chosen by the receiving end. */
export interface GtpTunnel {
  type: 'gtpu';
  name: 'S1-U' | 'S5';
  bearer: number;
  ue: NodeId;
  /** The end nearer the UE (access for S1-U, relay for S5) and the farther one. */
  near: NodeId;
  far: NodeId;
  nearAddress: string | null;
  farAddress: string | null;
  /** Uplink TEID (allocated by `far`) and downlink TEID (allocated by `near`). */
  uplinkTeid: number;
  downlinkTeid: number;
}

/** The VXLAN tunnel between two OVS hosts for one VPC (one per unordered host pair). */
export interface VxlanTunnel {
  type: 'vxlan';
  vpc: NodeId;
  vni: number;
  a: NodeId;
  b: NodeId;
  aAddress: string | null;
  bAddress: string | null;
}

export type NatRule =
  | { type: 'napt'; node: NodeId; inside: string[]; pool: string }
  | { type: 'static'; node: NodeId; public: string; private: string; target: NodeId };

export interface Listener {
  /** The process declaration (service, proxy, database, resolver, gslb, cache). */
  process: NodeId;
  /** The node it runs on. */
  node: NodeId;
  protocol: 'tcp' | 'udp' | 'sctp';
  port: number;
}
