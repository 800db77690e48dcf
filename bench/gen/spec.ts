/** What to generate. Every count is exact; the generator derives the rest (addresses, names) from the seed. */
export interface TopologySpec {
  seed: number;
  /** Autonomous systems in the Internet graph (tier 1, tier 2, then stubs). */
  ases: number;
  /** Size of the tier-1 clique (settlement-free peers with each other). */
  tier1: number;
  /** Fraction of the non-tier-1 ASes that are tier-2 transit providers. */
  tier2Fraction: number;
  /** Routers per AS by tier: [tier 1, tier 2, stub]. Routers inside an AS form a ring. */
  routersPerAs: [number, number, number];
  /** Total inter-AS links; each AS first gets its providers, peer links fill up to this number. */
  interAsLinks: number;
  /** An AS with at least this many routers gets a route reflector (its first router) instead of a full mesh. */
  routeReflectorMinRouters: number;
  /** How many ASes announce a prefix (the last ones, stubs first); the rest only transit. */
  announcers: number;
  /** Stub ASes that are mobile carriers: a mobile core, UEs with bearers, a carrier-grade NAT. */
  carriers: number;
  uesPerCarrier: number;
  enodebsPerCarrier: number;
  /** Stub ASes that are clouds: OVS hosts on a fabric switch, and the VPCs' gateways linked to their border. */
  clouds: number;
  hostsPerCloud: number;
  /** VPCs, spread round-robin over the clouds; their VMs are spread over the cloud's shared hosts. */
  vpcs: number;
  /** VMs per VPC (at least 3): a load balancer, application services, a database. */
  vmsPerVpc: number;
  /** Flows from UEs to the VPCs' public addresses (needs carriers and VPCs). */
  flows: number;
}

export const DEFAULT_SPEC: TopologySpec = {
  seed: 1,
  ases: 40,
  tier1: 4,
  tier2Fraction: 0.2,
  routersPerAs: [6, 3, 2],
  interAsLinks: 100,
  routeReflectorMinRouters: 5,
  announcers: Number.MAX_SAFE_INTEGER,
  carriers: 2,
  uesPerCarrier: 20,
  enodebsPerCarrier: 2,
  clouds: 2,
  hostsPerCloud: 8,
  vpcs: 6,
  vmsPerVpc: 5,
  flows: 20,
};

/**
 * The mixed topology at a scale: all four domains grow together, so that a file of any size has the shape
 * of the flagship example repeated (Internet core, carriers, clouds with tenants, flows).
 */
export function mixedSpec(scale: number, seed = 1): TopologySpec {
  const n = (base: number, min = 1): number => Math.max(min, Math.round(base * scale));
  const ases = n(40, 4);
  return {
    ...DEFAULT_SPEC,
    seed,
    ases,
    tier1: Math.min(12, n(4)),
    interAsLinks: Math.round(ases * 2.5),
    carriers: Math.min(n(2), Math.floor(ases / 4)),
    clouds: Math.min(n(2), Math.floor(ases / 4)),
    hostsPerCloud: 8,
    vpcs: n(6),
    flows: n(20),
  };
}

/**
 * An Internet-shaped AS graph for the control-plane benchmark: by default 78,000 ASes and ~500,000 links
 * (the size of CAIDA's AS-relationship graph), one router per AS, one prefix announced (by a stub).
 */
export function internetSpec(ases = 78_000, links = 500_000, seed = 1): TopologySpec {
  return {
    ...DEFAULT_SPEC,
    seed,
    ases,
    tier1: Math.min(ases, 15),
    tier2Fraction: 0.15,
    routersPerAs: [1, 1, 1],
    interAsLinks: links,
    announcers: 1,
    carriers: 0,
    clouds: 0,
    vpcs: 0,
    flows: 0,
  };
}
