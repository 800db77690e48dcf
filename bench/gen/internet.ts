import { prefixFor, type Block } from './addresses.js';
import type { AsGraph } from './as-graph.js';
import { names, type GenContext } from './context.js';
import { carrierLinkCount, emitCarrierCore } from './mobile.js';
import { emitCloudFabric } from './cloud.js';
import type { TopologySpec } from './spec.js';

export type AsRole = 'transit' | 'stub' | 'carrier' | 'cloud';

/** What later sections (VPCs, flows) need to know about an emitted AS. */
export interface AsInfo {
  index: number;
  role: AsRole;
  routers: number;
  announce?: Block;
  /** The upper half of the announcement: NAT pool (carriers) or VPC uplinks (clouds). */
  upper?: Block;
  /** Carriers: their UEs. Clouds: their OVS hosts. */
  ues: string[];
  hosts: string[];
}

const ASN_BASE = 4_200_000_000; // the private 32-bit range: room for any number of ASes

/** Roles: carriers and clouds are the first stubs; the last `announcers` ASes (and every carrier/cloud) announce. */
export function planAses(spec: TopologySpec, graph: AsGraph): AsInfo[] {
  const stubs = graph.tiers.flatMap((tier, i) => (tier === 3 ? [i] : []));
  if (spec.carriers + spec.clouds > stubs.length) {
    throw new RangeError(`${spec.carriers} carriers + ${spec.clouds} clouds need more than the ${stubs.length} stub ASes`);
  }
  const roles = new Map<number, AsRole>();
  stubs.forEach((i, n) => roles.set(i, n < spec.carriers ? 'carrier' : n < spec.carriers + spec.clouds ? 'cloud' : 'stub'));
  return graph.tiers.map((tier, index) => ({
    index,
    role: roles.get(index) ?? 'transit',
    routers: Math.max(1, spec.routersPerAs[tier - 1]),
    ues: [],
    hosts: [],
  }));
}

/** Every AS with its routers (a ring, a route reflector in the big ones) and its carrier or cloud part. */
export function emitAses(ctx: GenContext, spec: TopologySpec, plans: AsInfo[]): void {
  const { out } = ctx;
  let ueSerial = 0;
  for (const as of plans) {
    const i = as.index;
    const announces = as.role === 'carrier' || as.role === 'cloud' || i >= plans.length - spec.announcers;
    const ringLinks = as.routers >= 3 ? as.routers : as.routers - 1;
    const p2pLinks = ringLinks + (announces ? 1 : 0) + (as.role === 'carrier' ? carrierLinkCount(spec) : 0);
    const pool = p2pLinks > 0 ? poolFor(ctx, spec, as, announces, 4 * p2pLinks) : undefined;

    out.push(`as ${ASN_BASE + i} ${names.as(i)} {`);
    if (as.announce) out.push(`  announce: ${as.announce}`);
    if (pool) out.push(`  link_pool: ${pool}`);
    if (announces) {
      // The first link of the pool holds the prefix's first address, so the prefix leads to a real interface.
      out.push(`  host ${names.server(i)}`, `  link ${names.router(i, 0)} -- ${names.server(i)}`);
    }
    emitRouters(out, i, as.routers, as.routers >= spec.routeReflectorMinRouters);
    if (as.role === 'carrier') {
      as.ues = emitCarrierCore(ctx, spec, i, as.upper!.sub(0, 28), ueSerial);
      ueSerial += as.ues.length;
    } else if (as.role === 'cloud') {
      as.hosts = emitCloudFabric(ctx, spec, i);
    }
    out.push('}');
  }
}

/**
 * The AS's link pool. An announcing AS numbers its links from the lower half of its announcement; the upper
 * half holds the carrier's NAT pool or the cloud's VPC uplinks (a /30 per VPC, round-robin over the clouds).
 */
function poolFor(ctx: GenContext, spec: TopologySpec, as: AsInfo, announces: boolean, addresses: number): Block {
  if (!announces) return ctx.addresses.pub.alloc(addresses);
  const uplinks = as.role === 'cloud' ? 4 * Math.ceil(spec.vpcs / Math.max(1, spec.clouds)) : 16;
  const half = 2 ** (32 - prefixFor(Math.max(128, addresses, uplinks)));
  as.announce = ctx.addresses.pub.alloc(2 * half);
  as.upper = as.announce.sub(1, as.announce.len + 1);
  return as.announce.sub(0, prefixFor(addresses));
}

function emitRouters(out: string[], i: number, count: number, reflector: boolean): void {
  const routers = Array.from({ length: count }, (_, j) => names.router(i, j));
  routers.forEach((r, j) => {
    if (j === 0 && reflector) out.push(`  router ${r} { route_reflector; clients: ${routers.slice(1).join(', ')} }`);
    else out.push(`  router ${r}`);
  });
  for (let j = 0; j + 1 < count; j++) out.push(`  link ${routers[j]} -- ${routers[j + 1]}`);
  if (count >= 3) out.push(`  link ${routers[count - 1]} -- ${routers[0]} { cost: 10 }`);
}

/**
 * Inter-AS links between a random router of each end, with their BGP relationship. Their subnets are explicit:
 * a pool would be the nearest to one end's router, and which end is a rule of the compiler, not of this file.
 */
export function emitInterAsLinks(ctx: GenContext, graph: AsGraph, plans: AsInfo[]): void {
  const { out, rng } = ctx;
  const block = graph.links.length > 0 ? ctx.addresses.pub.alloc(4 * graph.links.length) : undefined;
  graph.links.forEach((link, k) => {
    const a = names.router(link.a, rng.int(plans[link.a].routers));
    const b = names.router(link.b, rng.int(plans[link.b].routers));
    const relation = link.relation === 'peer' ? 'peer' : `provider: ${a}`;
    out.push(`link ${a} -- ${b} { ${relation}; subnet: ${block!.sub(k, 30)} }`);
  });
}
