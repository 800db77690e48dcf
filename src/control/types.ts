// Plain-data input and output of the control plane. An adapter builds RoutingInput from the network model;
// `topo routes --format json` prints RoutingResult (minus nothing: it is already JSON-serialisable).

/** A dotted-quad IPv4 address, e.g. "10.0.1.2". */
export type Ipv4 = string;
/** An IPv4 prefix "a.b.c.d/len" with no host bits set. */
export type Prefix = string;

export interface RoutingInput {
  routers: RouterInput[];
  links: LinkInput[];
  /** BGP sessions. When omitted they are derived from the topology (see deriveSessions). */
  sessions?: SessionInput[];
  announcements: Announcement[];
  options?: RoutingOptions;
}

export interface RoutingOptions {
  /** Apply Gao–Rexford export rules on sessions that carry a relationship (default true). */
  valleyFree?: boolean;
  /** A router whose best route for one prefix changes more often than this is oscillating (default 100). */
  oscillationLimit?: number;
  /** List the RIB of these routers only (default: all). FIBs, sessions and findings always cover every router;
   *  `topo routes --node N` passes [N], which saves most of the time and memory on large networks. */
  ribNodes?: string[];
}

/** Any node that holds a routing table. A node without `asn` has only connected and static routes. */
export interface RouterInput {
  name: string;
  asn?: number;
  /** Default: the highest loopback address, else the highest interface address. */
  routerId?: Ipv4;
  interfaces: InterfaceInput[];
  staticRoutes?: StaticRouteInput[];
  routeReflector?: boolean;
  /** Names of this reflector's clients. */
  clients?: string[];
  /** Default: the router id. */
  clusterId?: Ipv4;
  nextHopSelf?: boolean;
}

export interface InterfaceInput {
  name: string;
  address: Ipv4;
  prefixLength: number;
  /** The link or L2 segment the interface is on; omitted for a loopback. */
  link?: string;
}

/** `route: PREFIX -> ADDRESS | drop`, or a route out of an interface (a point-to-point link or tunnel). */
export interface StaticRouteInput {
  prefix: Prefix;
  nextHop?: Ipv4;
  interface?: string;
  /** A null route: matching packets are discarded. */
  drop?: boolean;
}

/** A point-to-point link or a multi-access segment (its members are the interfaces naming it). */
export interface LinkInput {
  name: string;
  /** IGP cost, default 1. */
  cost?: number;
  /** Whether routers of different ASes on this link form eBGP sessions (default true). */
  bgp?: boolean;
  /** The router that is the provider of the other end (valley-free export). */
  provider?: string;
  /** The ends are settlement-free peers. */
  peer?: boolean;
  /** Per-end session policy, keyed by router name (`END.local_pref` etc.). */
  policy?: Record<string, SidePolicy>;
}

export interface SidePolicy {
  /** Set on routes this end learns over the session (eBGP only; iBGP carries the sender's). */
  localPref?: number;
  /** MED this end sends over the session. */
  med?: number;
  /** Extra times this end prepends its ASN when exporting over the session. */
  prepend?: number;
  /** Weight this end gives routes learned over the session. */
  weight?: number;
  /** Prefixes this end does not accept. */
  denyIn?: Prefix[];
  /** Prefixes this end does not send. */
  denyOut?: Prefix[];
}

export interface SessionInput {
  a: SessionEnd;
  b: SessionEnd;
  /** The end (router name) that is the provider of the other. */
  provider?: string;
  peer?: boolean;
}

export interface SessionEnd {
  router: string;
  /** The address this end speaks from. Default: its address on a link shared with the other end, else its
   *  lowest loopback, else its lowest interface address. */
  address?: Ipv4;
  /** The ASN this end expects of the other. Default: the other's ASN. */
  remoteAs?: number;
  /** False when only the other end declares the session. Default true. */
  configured?: boolean;
  policy?: SidePolicy;
}

export interface Announcement {
  router: string;
  prefix: Prefix;
  /** The BGP ORIGIN attribute (default igp). */
  origin?: Origin;
}

// ---------------------------------------------------------------- output

export type Protocol = 'connected' | 'static' | 'igp' | 'bgp';
export type Origin = 'igp' | 'egp' | 'incomplete';

export interface RibEntry {
  prefix: Prefix;
  protocol: Protocol;
  nextHop: Ipv4 | null;
  nextHopNode: string | null;
  /** bgp: the router the route was learned from (null when locally originated). */
  peer: string | null;
  asPath: number[];
  localPref: number | null;
  med: number | null;
  origin: Origin | null;
  weight: number | null;
  /** IGP cost to the next hop (bgp), or the route's metric (igp). */
  igpCost: number | null;
  best: boolean;
  /** For the best route: the deciding step. For a route that cannot be used: why. */
  reason?: string;
}

export interface FibEntry {
  prefix: Prefix;
  /** The directly connected next hop (after recursive resolution); null for connected or drop. */
  nextHop: Ipv4 | null;
  nextHopNode: string | null;
  interface: string | null;
  action: 'forward' | 'receive' | 'drop';
}

export interface NodeRoutes {
  asn: number | null;
  rib: RibEntry[];
  fib: FibEntry[];
}

export interface SessionState {
  a: string;
  b: string;
  kind: 'ebgp' | 'ibgp';
  aAddress: Ipv4 | null;
  bAddress: Ipv4 | null;
  established: boolean;
  reason?: string;
}

export type FindingCode =
  | 'session-down'
  | 'prefix-unreachable'
  | 'forwarding-loop'
  | 'black-hole'
  | 'unresolvable-next-hop'
  | 'oscillation';

export interface Finding {
  code: FindingCode;
  message: string;
  /** The routers involved, in a meaningful order (a loop's cycle, sorted otherwise). */
  nodes: string[];
  prefixes: Prefix[];
}

export interface RoutingResult {
  nodes: Record<string, NodeRoutes>;
  sessions: SessionState[];
  findings: Finding[];
}
