import type { Block } from './addresses.js';
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
  const { out, addresses } = ctx;
  let ueSerial = 0;
  for (const as of plans) {
    const i = as.index;
    const ringLinks = as.routers >= 3 ? as.routers : as.routers - 1;
    const p2pLinks = ringLinks + (as.role === 'carrier' ? carrierLinkCount(spec) : 0);
    const announces = as.role === 'carrier' || as.role === 'cloud' || i >= plans.length - spec.announcers;
    if (announces) {
      // A cloud's announcement also holds a /30 uplink per VPC it hosts (VPCs go round-robin over clouds).
      const vpcsHere = Math.ceil(spec.vpcs / Math.max(1, spec.clouds));
      as.announce = addresses.pub.alloc(as.role === 'cloud' ? Math.max(256, 4 * vpcsHere) : 256);
    }

    out.push(`as ${ASN_BASE + i} ${names.as(i)} {`);
    if (as.announce) out.push(`  announce: ${as.announce}`);
    if (p2pLinks > 0) out.push(`  link_pool: ${addresses.pub.alloc(4 * p2pLinks)}`);
    emitRouters(out, i, as.routers, as.routers >= spec.routeReflectorMinRouters);
    if (as.role === 'carrier') {
      as.ues = emitCarrierCore(ctx, spec, i, as.announce!, ueSerial);
      ueSerial += as.ues.length;
    } else if (as.role === 'cloud') {
      as.hosts = emitCloudFabric(ctx, spec, i);
    }
    out.push('}');
  }
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

/** Inter-AS links between a random router of each end, with their BGP relationship. */
export function emitInterAsLinks(ctx: GenContext, graph: AsGraph, plans: AsInfo[]): void {
  const { out, rng } = ctx;
  for (const link of graph.links) {
    const a = names.router(link.a, rng.int(plans[link.a].routers));
    const b = names.router(link.b, rng.int(plans[link.b].routers));
    out.push(link.relation === 'peer' ? `link ${a} -- ${b} { peer }` : `link ${a} -- ${b} { provider: ${a} }`);
  }
}
