// Per node: the RIB (every candidate, the best marked with the deciding step) and the FIB built from the bests.
import { DISTANCE, preferBase, type BaseRoute, type BaseTables, type Resolution } from './base-routes.js';
import { explainWin, ORIGINS, usable, type BgpRoute } from './bestpath.js';
import type { PrefixOutcome } from './bgp.js';
import { compareNets, formatIp, formatPrefix, type Net } from './ip.js';
import { PrefixTable } from './prefix-table.js';
import { netKey, ownerOf, type Topology } from './topology.js';
import type { FibEntry, NodeRoutes, Protocol, RibEntry } from './types.js';

type Candidate = { kind: 'base'; route: BaseRoute } | { kind: 'bgp'; route: BgpRoute };

const PROTOCOL_ORDER: Record<Protocol, number> = { connected: 0, static: 1, igp: 2, bgp: 3 };

export interface NodeTables {
  nodes: Record<string, NodeRoutes>;
  /** Per router index, the FIB as a longest-prefix-match table. */
  fibs: PrefixTable<Resolution>[];
  /** Per router: unresolvable next hop -> the prefixes that use it. */
  unresolved: Map<string, Map<string, string[]>>;
}

/**
 * Builds the RIBs and FIBs one prefix at a time, in ascending prefix order, appending to each router's flat
 * lists, so that they come out sorted and the BGP routes of a prefix can be dropped as soon as they are entries
 * (at 1,000 routers × 1,000 prefixes, holding them all doubles the memory).
 */
export class RibBuilder {
  /** Non-BGP candidates: prefix key -> router -> routes. */
  private readonly baseByNet = new Map<string, { net: Net; routers: Map<number, BaseRoute[]> }>();
  private readonly ribs: RibEntry[][];
  private readonly fibEntries: FibEntry[][];
  private readonly fibs: PrefixTable<Resolution>[];
  private readonly unresolved = new Map<string, Map<string, string[]>>();
  private readonly text = new Map<number, string>();

  /** Routers whose RIB is listed; every router gets its FIB. */
  private readonly ribNodes: Set<number>;

  constructor(
    private readonly topo: Topology,
    base: BaseTables,
    ribNodes: number[] | null,
  ) {
    this.ribNodes = new Set(ribNodes ?? topo.routers.map((r) => r.index));
    for (const r of topo.routers) {
      for (const route of base.routes[r.index]) {
        const key = netKey(route.net);
        let group = this.baseByNet.get(key);
        if (!group) this.baseByNet.set(key, (group = { net: route.net, routers: new Map() }));
        let list = group.routers.get(r.index);
        if (!list) group.routers.set(r.index, (list = []));
        list.push(route);
      }
    }
    this.ribs = topo.routers.map(() => []);
    this.fibEntries = topo.routers.map(() => []);
    this.fibs = topo.routers.map(() => new PrefixTable<Resolution>());
  }

  /** Every prefix with a non-BGP route anywhere, plus the given BGP prefixes, in the order to add them. */
  prefixes(bgp: Net[]): Net[] {
    const all = new Map([...this.baseByNet.values()].map((g) => [netKey(g.net), g.net]));
    for (const net of bgp) all.set(netKey(net), net);
    return [...all.values()].sort(compareNets);
  }

  /** Adds one prefix (callers go in the order of prefixes()), with its BGP outcome if it is announced. */
  add(net: Net, outcome: PrefixOutcome | null): void {
    const prefix = formatPrefix(net);
    const baseRoutes = this.baseByNet.get(netKey(net))?.routers ?? new Map<number, BaseRoute[]>();
    if (outcome === null) {
      for (const [r, base] of baseRoutes) this.addBlock(r, net, prefix, base, [], null); // keys are in router order
      return;
    }
    for (let r = 0; r < outcome.candidates.length; r++) {
      const base = baseRoutes.get(r);
      const bgp = outcome.candidates[r];
      if (base !== undefined || bgp !== null) this.addBlock(r, net, prefix, base ?? [], bgp ?? [], outcome.best[r]);
    }
  }

  finish(): NodeTables {
    const nodes: Record<string, NodeRoutes> = {};
    for (const router of this.topo.routers) {
      nodes[router.name] = { asn: router.asn, rib: this.ribs[router.index], fib: this.fibEntries[router.index] };
    }
    return { nodes, fibs: this.fibs, unresolved: this.unresolved };
  }

  private addBlock(r: number, net: Net, prefix: string, base: BaseRoute[], bgp: BgpRoute[], bgpBest: BgpRoute | null): void {
    const baseBest = chooseBase(base);
    const bgpWins = bgpBest !== null && (baseBest === null || bgpDistance(bgpBest) < DISTANCE[baseBest.protocol]);
    const resolution = bgpWins ? bgpBest.resolution : baseBest?.resolution;
    if (resolution) {
      this.fibEntries[r].push(this.toFibEntry(prefix, resolution));
      this.fibs[r].set(net, resolution);
    }
    for (const route of base) if (route.problem !== undefined && route.nextHop !== null) this.noteUnresolved(r, route.nextHop, prefix);
    for (const route of bgp) if (!usable(route)) this.noteUnresolved(r, route.nextHop!, prefix);
    if (!this.ribNodes.has(r)) return;
    // Only the routers whose RIB is listed pay for entries and reasons.
    const candidates: Candidate[] = [
      ...base.map((route): Candidate => ({ kind: 'base', route })),
      ...bgp.map((route): Candidate => ({ kind: 'bgp', route })),
    ];
    const winner = bgpWins ? bgpBest : baseBest;
    const best = candidates.find((c) => c.route === winner) ?? null;
    const rib = candidates.map((c) => this.toRibEntry(prefix, c, c === best));
    if (best) rib[candidates.indexOf(best)].reason = explainBest(best, candidates, (n) => this.topo.routers[n].name, (a) => this.ip(a)!);
    if (rib.length > 1) rib.sort(compareEntries);
    for (const entry of rib) this.ribs[r].push(entry);
  }

  private ip(address: number | null): string | null {
    if (address === null) return null;
    let text = this.text.get(address | 0);
    if (text === undefined) this.text.set(address | 0, (text = formatIp(address)));
    return text;
  }

  private ownerName(address: number | null): string | null {
    const owner = address === null ? undefined : ownerOf(this.topo, address);
    return owner === undefined ? null : this.topo.routers[owner.router].name;
  }

  private noteUnresolved(r: number, nextHop: number, prefix: string): void {
    const node = this.topo.routers[r].name;
    const byHop = this.unresolved.get(node) ?? new Map<string, string[]>();
    this.unresolved.set(node, byHop);
    const hop = this.ip(nextHop)!;
    byHop.set(hop, [...(byHop.get(hop) ?? []), prefix]);
  }

  private toRibEntry(prefix: string, c: Candidate, best: boolean): RibEntry {
    if (c.kind === 'base') {
      const route = c.route;
      const nextHop = route.protocol === 'connected' ? null : (route.nextHop ?? route.resolution?.nextHop ?? null);
      const entry: RibEntry = {
        prefix,
        protocol: route.protocol,
        nextHop: this.ip(nextHop),
        nextHopNode: this.ownerName(nextHop),
        peer: null,
        asPath: [],
        localPref: null,
        med: null,
        origin: null,
        weight: null,
        igpCost: route.protocol === 'igp' ? route.metric : null,
        best,
      };
      if (route.problem !== undefined) entry.reason = route.problem;
      return entry;
    }
    const route = c.route;
    const entry: RibEntry = {
      prefix,
      protocol: 'bgp',
      nextHop: this.ip(route.nextHop),
      nextHopNode: this.ownerName(route.nextHop),
      peer: route.peer < 0 ? null : this.topo.routers[route.peer].name,
      asPath: route.asPath,
      localPref: route.localPref,
      med: route.med,
      origin: ORIGINS[route.origin],
      weight: route.weight,
      igpCost: route.local ? null : route.igpCost,
      best,
    };
    if (!usable(route)) entry.reason = `next hop ${this.ip(route.nextHop)} unresolvable`;
    return entry;
  }

  private toFibEntry(prefix: string, res: Resolution): FibEntry {
    return {
      prefix,
      nextHop: this.ip(res.nextHop),
      nextHopNode: res.nextHopNode === null ? null : this.topo.routers[res.nextHopNode].name,
      interface: res.iface,
      action: res.action,
    };
  }
}

function distance(c: Candidate): number {
  return c.kind === 'base' ? DISTANCE[c.route.protocol] : bgpDistance(c.route);
}

function bgpDistance(route: BgpRoute): number {
  return route.local ? DISTANCE.local : route.ebgp ? DISTANCE.ebgp : DISTANCE.ibgp;
}

/** The usable non-BGP route of lowest administrative distance (then metric); the BGP best competes with it. */
function chooseBase(base: BaseRoute[]): BaseRoute | null {
  let best: BaseRoute | null = null;
  for (const route of base) if (route.resolution !== null && (best === null || preferBase(route, best))) best = route;
  return best;
}

function explainBest(best: Candidate, candidates: Candidate[], name: (r: number) => string, ip: (a: number) => string): string {
  const lower = candidates.filter((c) => c !== best && distance(c) > distance(best) && usableCandidate(c));
  const loser = lower.sort((x, y) => distance(x) - distance(y))[0];
  const protocolWin = loser
    ? `${protocolOf(best)} preferred over ${protocolOf(loser)} (administrative distance ${distance(best)} vs ${distance(loser)})`
    : null;
  if (best.kind === 'bgp') {
    const bgp = candidates.filter((c) => c.kind === 'bgp').map((c) => c.route as BgpRoute);
    if (bgp.length > 1 || protocolWin === null) return explainWin(best.route, bgp, name, ip);
  }
  if (protocolWin) return protocolWin;
  const same = candidates.find((c) => c !== best && usableCandidate(c));
  return same ? `lower metric than the other ${protocolOf(best)} route` : 'only route';
}

function usableCandidate(c: Candidate): boolean {
  return c.kind === 'bgp' ? usable(c.route) : c.route.resolution !== null;
}

function protocolOf(c: Candidate): string {
  if (c.kind === 'base') return c.route.protocol;
  return c.route.local ? 'local bgp' : c.route.ebgp ? 'ebgp' : 'ibgp';
}

/** Within a prefix: the best first, then by protocol, next hop and peer. */
function compareEntries(a: RibEntry, b: RibEntry): number {
  return (
    Number(b.best) - Number(a.best) ||
    PROTOCOL_ORDER[a.protocol] - PROTOCOL_ORDER[b.protocol] ||
    compareText(a.nextHop ?? '', b.nextHop ?? '') ||
    compareText(a.peer ?? '', b.peer ?? '')
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
