// Connected, static and IGP routes of every router, and next-hop resolution through them. BGP next hops
// resolve here too (never through BGP routes), so these tables are computed once, before BGP.
import { computeIgp } from './igp.js';
import { formatIp, parseIp, parsePrefix, type Net } from './ip.js';
import { PrefixTable } from './prefix-table.js';
import { netKey, ownerOf, type Topology } from './topology.js';

/** Where a packet to some address leaves a router. */
export interface Resolution {
  action: 'forward' | 'receive' | 'drop';
  /** The directly connected next hop, or null when the destination itself is on the link (or dropped). */
  nextHop: number | null;
  nextHopNode: number | null;
  iface: string | null;
  /** IGP cost of the path (0 for connected and static). */
  cost: number;
}

export type BaseProtocol = 'connected' | 'static' | 'igp';

export interface BaseRoute {
  net: Net;
  protocol: BaseProtocol;
  /** static: the configured next hop; igp: the neighbour the path starts at. */
  nextHop: number | null;
  metric: number;
  /** null when the route cannot be used (its next hop does not resolve). */
  resolution: Resolution | null;
  /** Why an unusable route is unusable. */
  problem?: string;
}

/** Administrative distance, as on common routers: lower wins between protocols. */
export const DISTANCE = { connected: 0, static: 1, ebgp: 20, igp: 110, ibgp: 200, local: 200 } as const;

export class BaseTables {
  /** Every candidate per router, usable or not. */
  readonly routes: BaseRoute[][];
  /** The selected usable route per prefix per router. */
  readonly tables: PrefixTable<BaseRoute>[];
  private readonly cache: Map<number, Resolution | null>[];

  constructor(private readonly topo: Topology) {
    const igp = computeIgp(topo);
    this.routes = topo.routers.map((r) => {
      const routes: BaseRoute[] = r.interfaces.map((i) => ({
        net: i.net,
        protocol: 'connected',
        nextHop: null,
        metric: 0,
        resolution: {
          action: i.link === null ? 'receive' : 'forward',
          nextHop: null,
          nextHopNode: null,
          iface: i.name,
          cost: 0,
        },
      }));
      for (const g of igp[r.index]) {
        routes.push({
          net: g.net,
          protocol: 'igp',
          nextHop: g.via.address,
          metric: g.cost,
          resolution: { action: 'forward', nextHop: g.via.address, nextHopNode: g.via.router, iface: g.out.name, cost: g.cost },
        });
      }
      return routes;
    });
    this.tables = this.routes.map((routes) => selectTable(routes));
    topo.routers.forEach((r) => this.addStatics(r.index));
    this.cache = topo.routers.map(() => new Map());
  }

  /** How router `r` reaches `address`, or null when it has no usable route. */
  resolve(r: number, address: number): Resolution | null {
    const cache = this.cache[r];
    let result = cache.get(address | 0);
    if (result === undefined) {
      const hit = this.tables[r].lookup(address);
      result = hit ? this.through(r, hit, address) : null;
      cache.set(address | 0, result);
    }
    return result;
  }

  /** The resolution of `address` via `route`: a connected route delivers to the address itself. */
  private through(r: number, route: BaseRoute, address: number): Resolution | null {
    const res = route.resolution;
    if (res === null || route.protocol !== 'connected' || res.action !== 'forward') return res;
    const owner = ownerOf(this.topo, address);
    if (owner === undefined) return { ...res, nextHop: address };
    return { ...res, action: owner.router === r ? 'receive' : 'forward', nextHop: address, nextHopNode: owner.router };
  }

  private addStatics(r: number): void {
    const router = this.topo.routers[r];
    const statics: BaseRoute[] = (router.input.staticRoutes ?? []).map((s) => {
      const net = parsePrefix(s.prefix);
      if (s.drop) {
        const resolution: Resolution = { action: 'drop', nextHop: null, nextHopNode: null, iface: null, cost: 0 };
        return { net, protocol: 'static', nextHop: null, metric: 0, resolution };
      }
      if (s.nextHop === undefined) {
        const resolution = this.outOf(r, s.interface);
        const route: BaseRoute = { net, protocol: 'static', nextHop: null, metric: 0, resolution };
        if (resolution === null) route.problem = `no interface ${s.interface ?? '(none given)'} on ${router.name}`;
        return route;
      }
      return { net, protocol: 'static', nextHop: parseIp(s.nextHop), metric: 0, resolution: null };
    });
    // Install optimistically so statics can resolve through each other, then resolve and reselect.
    const optimistic = [...this.routes[r], ...statics];
    const table = selectTable(optimistic, true);
    const resolving = new Set<BaseRoute>();
    const resolveStatic = (s: BaseRoute): Resolution | null => {
      if (s.resolution !== null || s.nextHop === null || s.problem !== undefined) return s.resolution;
      if (resolving.has(s)) return null;
      resolving.add(s);
      const hit = table.lookup(s.nextHop);
      let res: Resolution | null = null;
      if (hit && hit !== s) res = hit.protocol === 'static' ? resolveStatic(hit) : this.through(r, hit, s.nextHop);
      resolving.delete(s);
      s.resolution = res && res.action === 'receive' ? null : res;
      if (s.resolution === null) s.problem = `next hop ${formatIp(s.nextHop)} unresolvable`;
      return s.resolution;
    };
    statics.forEach(resolveStatic);
    this.routes[r] = optimistic;
    this.tables[r] = selectTable(optimistic);
  }

  /** A route out of an interface: the next hop is the other end when the link is point-to-point. */
  private outOf(r: number, ifaceName: string | undefined): Resolution | null {
    const iface = this.topo.routers[r].interfaces.find((i) => i.name === ifaceName);
    if (!iface) return null;
    const others = this.topo.linkByName.get(iface.link ?? '')?.members.filter((m) => m.router !== r) ?? [];
    const peer = others.length === 1 ? others[0] : null;
    return { action: 'forward', nextHop: peer?.address ?? null, nextHopNode: peer?.router ?? null, iface: iface.name, cost: 0 };
  }
}

/** Per prefix, the usable route of lowest administrative distance (then lowest metric, then first). */
function selectTable(routes: BaseRoute[], includeUnresolved = false): PrefixTable<BaseRoute> {
  const chosen = new Map<string, BaseRoute>();
  for (const route of routes) {
    if (route.resolution === null && !includeUnresolved) continue;
    const key = netKey(route.net);
    const current = chosen.get(key);
    if (current === undefined || preferBase(route, current)) chosen.set(key, route);
  }
  const table = new PrefixTable<BaseRoute>();
  for (const route of chosen.values()) table.set(route.net, route);
  return table;
}

export function preferBase(a: BaseRoute, b: BaseRoute): boolean {
  return DISTANCE[a.protocol] < DISTANCE[b.protocol] || (a.protocol === b.protocol && a.metric < b.metric);
}
