// Deterministic synthetic networks for benchmarks and tests: an Internet-shaped AS graph, and a
// router-level network of several ASes with route reflectors.
import { formatIp } from './ip.js';
import type { InterfaceInput, LinkInput, RouterInput, RoutingInput } from './types.js';

/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same network on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticInternet {
  size: number;
  /** Flat (customer, provider) pairs. */
  customerProvider: Int32Array;
  /** Flat (peer, peer) pairs. */
  peers: Int32Array;
}

/**
 * An AS graph with power-law degrees: a clique of `tier1` ASes peering with each other; every later AS buys
 * transit from 1–4 earlier ASes chosen by preferential attachment (so the hierarchy has no cycles and every AS
 * reaches a tier-1 through providers); the remaining links are peerings between degree-weighted random pairs.
 */
export function syntheticInternet(size = 78_000, links = 500_000, seed = 1, tier1 = 16): SyntheticInternet {
  const rand = random(seed);
  const seen = new Set<number>();
  const pairKey = (a: number, b: number) => (a < b ? a * size + b : b * size + a);
  // Every link end is appended here: a uniform pick from it is a pick proportional to degree.
  const ends: number[] = [];
  const cp: number[] = [];
  const peers: number[] = [];
  const link = (list: number[], a: number, b: number): boolean => {
    const key = pairKey(a, b);
    if (a === b || seen.has(key)) return false;
    seen.add(key);
    list.push(a, b);
    ends.push(a, b);
    return true;
  };
  for (let a = 0; a < tier1; a++) for (let b = a + 1; b < tier1; b++) link(peers, a, b);
  for (let as = tier1; as < size; as++) {
    const r = rand();
    const providers = 1 + Number(r < 0.45) + Number(r < 0.15) + Number(r < 0.04);
    for (let tries = 0, got = 0; got < providers && tries < 20; tries++) {
      const provider = ends[Math.floor(rand() * ends.length)];
      if (link(cp, as, provider)) got++;
    }
    ends.push(as);
  }
  while ((cp.length + peers.length) / 2 < links) {
    link(peers, ends[Math.floor(rand() * ends.length)], ends[Math.floor(rand() * ends.length)]);
  }
  return { size, customerProvider: Int32Array.from(cp), peers: Int32Array.from(peers) };
}

export interface SyntheticRouters {
  ases: number;
  routersPerAs: number;
  prefixes: number;
  seed?: number;
}

/**
 * `ases` ASes of `routersPerAs` routers each: two route reflectors (every other router their client), an
 * intra-AS ring with random chords and costs, a chain of eBGP links between consecutive ASes plus a few random
 * ones, and `prefixes` /24s, each a LAN on a random router that announces it.
 */
export function syntheticRouters({ ases, routersPerAs, prefixes, seed = 7 }: SyntheticRouters): RoutingInput {
  const rand = random(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const name = (as: number, i: number) => `as${as}r${String(i).padStart(4, '0')}`;
  const ifaces = new Map<string, InterfaceInput[]>();
  const routers: RouterInput[] = [];
  if (routersPerAs < 3) throw new Error('syntheticRouters needs at least 3 routers per AS (2 reflectors and a client)');
  for (let as = 0; as < ases; as++) {
    const clients = Array.from({ length: routersPerAs - 2 }, (_, i) => name(as, i + 2));
    const clusterId = formatIp(0xc0000000 + as * routersPerAs + 1); // the first reflector's loopback
    for (let i = 0; i < routersPerAs; i++) {
      const list: InterfaceInput[] = [{ name: 'lo', address: formatIp(0xc0000000 + as * routersPerAs + i + 1), prefixLength: 32 }];
      ifaces.set(name(as, i), list);
      const router: RouterInput = { name: name(as, i), asn: 64512 + as, interfaces: list };
      if (i < 2) Object.assign(router, { routeReflector: true, clients, clusterId });
      routers.push(router);
    }
  }
  const links: LinkInput[] = [];
  const connect = (a: string, b: string, cost: number) => {
    const n = links.length;
    const base = 0x0a000000 + n * 4;
    links.push({ name: `l${n}`, cost });
    ifaces.get(a)!.push({ name: `eth${ifaces.get(a)!.length - 1}`, address: formatIp(base + 1), prefixLength: 30, link: `l${n}` });
    ifaces.get(b)!.push({ name: `eth${ifaces.get(b)!.length - 1}`, address: formatIp(base + 2), prefixLength: 30, link: `l${n}` });
  };
  for (let as = 0; as < ases; as++) {
    for (let i = 0; i < routersPerAs; i++) connect(name(as, i), name(as, (i + 1) % routersPerAs), 1 + pick(10));
    for (let c = 0; c < routersPerAs / 2; c++) {
      const [x, y] = [pick(routersPerAs), pick(routersPerAs)];
      if (x !== y) connect(name(as, x), name(as, y), 1 + pick(10));
    }
    if (as > 0) connect(name(as - 1, 2 + pick(routersPerAs - 2)), name(as, 2 + pick(routersPerAs - 2)), 1);
  }
  for (let extra = 0; extra < ases; extra++) {
    const [x, y] = [pick(ases), pick(ases)];
    if (x !== y) connect(name(x, 2 + pick(routersPerAs - 2)), name(y, 2 + pick(routersPerAs - 2)), 1);
  }
  const announcements = [];
  for (let p = 0; p < prefixes; p++) {
    const router = name(pick(ases), pick(routersPerAs));
    const list = ifaces.get(router)!;
    const lan = 0x64000000 + p * 256;
    list.push({ name: `lan${p}`, address: formatIp(lan + 1), prefixLength: 24, link: `lan${p}` });
    announcements.push({ router, prefix: `${formatIp(lan)}/24` });
  }
  return { routers, links, announcements };
}
