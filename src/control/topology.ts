// Indexes a RoutingInput: routers sorted by name (router index = position), interfaces, link members and
// address owners. Everything downstream iterates these sorted arrays, never input order.
import { compareNets, netOf, parseIp, parsePrefix, type Net } from './ip.js';
import type { LinkInput, RouterInput, RoutingInput } from './types.js';

export interface Iface {
  router: number;
  name: string;
  address: number;
  net: Net;
  /** null for a loopback. */
  link: string | null;
}

export interface Router {
  index: number;
  name: string;
  asn: number | null;
  /** null when neither configured nor derivable (no addresses). */
  routerId: number | null;
  interfaces: Iface[];
  reflector: boolean;
  clients: Set<number>;
  clusterId: number | null;
  nextHopSelf: boolean;
  input: RouterInput;
}

export interface Link {
  name: string;
  cost: number;
  input: LinkInput;
  /** Interfaces on the link, sorted by router index then address. */
  members: Iface[];
}

export interface Topology {
  routers: Router[];
  byName: Map<string, number>;
  /** Interface address (as `address | 0`: see ownerOf) -> the interface holding it. */
  owners: Map<number, Iface>;
  /** Links sorted by name. */
  links: Link[];
  linkByName: Map<string, Link>;
}

export function buildTopology(input: RoutingInput): Topology {
  const sorted = [...input.routers].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const byName = new Map<string, number>();
  sorted.forEach((r, i) => {
    if (byName.has(r.name)) throw new Error(`duplicate router ${r.name}`);
    byName.set(r.name, i);
  });
  const owners = new Map<number, Iface>();
  const routers = sorted.map((r, index): Router => {
    const interfaces = r.interfaces
      .map((i): Iface => {
        const address = parseIp(i.address);
        return { router: index, name: i.name, address, net: netOf(address, i.prefixLength), link: i.link ?? null };
      })
      .sort((x, y) => compareNets(x.net, y.net) || x.address - y.address);
    for (const i of interfaces) owners.set(i.address | 0, i);
    return {
      index,
      name: r.name,
      asn: r.asn ?? null,
      routerId: r.routerId !== undefined ? parseIp(r.routerId) : defaultRouterId(interfaces),
      interfaces,
      reflector: r.routeReflector === true,
      clients: new Set((r.clients ?? []).map((c) => lookup(byName, c, `client of ${r.name}`))),
      clusterId: r.clusterId !== undefined ? parseIp(r.clusterId) : null,
      nextHopSelf: r.nextHopSelf === true,
      input: r,
    };
  });
  const linkByName = new Map<string, Link>();
  for (const l of [...input.links].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))) {
    linkByName.set(l.name, { name: l.name, cost: l.cost ?? 1, input: l, members: [] });
  }
  for (const r of routers) {
    for (const i of r.interfaces) {
      if (i.link === null) continue;
      let link = linkByName.get(i.link);
      if (!link) {
        link = { name: i.link, cost: 1, input: { name: i.link }, members: [] };
        linkByName.set(i.link, link);
      }
      link.members.push(i);
    }
  }
  const links = [...linkByName.values()].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return { routers, byName, owners, links, linkByName };
}

/** Like real routers: the highest loopback address, else the highest interface address. */
function defaultRouterId(interfaces: Iface[]): number | null {
  const loopbacks = interfaces.filter((i) => i.link === null);
  const pool = loopbacks.length > 0 ? loopbacks : interfaces;
  return pool.length === 0 ? null : Math.max(...pool.map((i) => i.address));
}

/**
 * The interface holding an address. Maps are keyed by `address | 0`: V8 stores numbers above 2^31 as heap
 * numbers, which hash far slower than the small integers `| 0` turns them into.
 */
export function ownerOf(topo: Topology, address: number): Iface | undefined {
  return topo.owners.get(address | 0);
}

export function lookup(byName: Map<string, number>, name: string, what: string): number {
  const index = byName.get(name);
  if (index === undefined) throw new Error(`unknown router ${name} (${what})`);
  return index;
}

/** Parses a prefix list once for repeated membership tests. */
export function prefixSet(prefixes: readonly string[] | undefined): Set<string> {
  const set = new Set<string>();
  for (const p of prefixes ?? []) {
    const net = parsePrefix(p);
    set.add(`${net.network}/${net.length}`);
  }
  return set;
}

export function netKey(net: Net): string {
  return `${net.network}/${net.length}`;
}
