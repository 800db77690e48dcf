// Per node: the RIB (every candidate, the best marked with the deciding step) and the FIB built from the bests.
import { DISTANCE, preferBase, type BaseRoute, type BaseTables, type Resolution } from './base-routes.js';
import { explainWin, ORIGINS, usable, type BgpRoute } from './bestpath.js';
import type { PrefixOutcome } from './bgp.js';
import { compareNets, formatIp, formatPrefix, type Net } from './ip.js';
import { PrefixTable } from './prefix-table.js';
import { netKey, type Topology } from './topology.js';
import type { FibEntry, NodeRoutes, Protocol, RibEntry } from './types.js';

type Candidate = { kind: 'base'; route: BaseRoute } | { kind: 'bgp'; route: BgpRoute };

const PROTOCOL_ORDER: Record<Protocol, number> = { connected: 0, static: 1, igp: 2, bgp: 3 };

export interface NodeTables {
  nodes: Record<string, NodeRoutes>;
  /** Per router index, the FIB as a longest-prefix-match table. */
  fibs: PrefixTable<Resolution>[];
}

export function buildNodeRoutes(topo: Topology, base: BaseTables, outcomes: PrefixOutcome[]): NodeTables {
  const nodeName = (r: number) => topo.routers[r].name;
  const nodes: Record<string, NodeRoutes> = {};
  const fibs: PrefixTable<Resolution>[] = [];
  for (const router of topo.routers) {
    const groups = new Map<string, { net: Net; candidates: Candidate[]; bgpBest: BgpRoute | null }>();
    for (const route of base.routes[router.index]) {
      const key = netKey(route.net);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { net: route.net, candidates: [], bgpBest: null }));
      group.candidates.push({ kind: 'base', route });
    }
    for (const outcome of outcomes) {
      const routes = outcome.candidates.get(router.index);
      if (!routes) continue;
      const key = netKey(outcome.net);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { net: outcome.net, candidates: [], bgpBest: null }));
      for (const route of routes) group.candidates.push({ kind: 'bgp', route });
      group.bgpBest = outcome.best.get(router.index) ?? null;
    }
    const rib: RibEntry[] = [];
    const fib: FibEntry[] = [];
    const table = new PrefixTable<Resolution>();
    for (const group of [...groups.values()].sort((x, y) => compareNets(x.net, y.net))) {
      const best = chooseBest(group.candidates, group.bgpBest);
      const prefix = formatPrefix(group.net);
      const entries = group.candidates.map((c) => toRibEntry(topo, prefix, c, c === best));
      if (best) {
        const entry = entries[group.candidates.indexOf(best)];
        entry.reason = explainBest(best, group.candidates, nodeName);
        const resolution = best.route.resolution;
        if (resolution) {
          fib.push(toFibEntry(topo, prefix, resolution));
          table.set(group.net, resolution);
        }
      }
      rib.push(...entries.sort(compareEntries));
    }
    nodes[router.name] = { asn: router.asn, rib, fib };
    fibs.push(table);
  }
  return { nodes, fibs };
}

function distance(c: Candidate): number {
  if (c.kind === 'base') return DISTANCE[c.route.protocol];
  return c.route.local ? DISTANCE.local : c.route.ebgp ? DISTANCE.ebgp : DISTANCE.ibgp;
}

/** The BGP best competes with the usable non-BGP routes on administrative distance. */
function chooseBest(candidates: Candidate[], bgpBest: BgpRoute | null): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (c.kind === 'bgp' ? c.route !== bgpBest : c.route.resolution === null) continue;
    if (best === null || distance(c) < distance(best) || (c.kind === 'base' && best.kind === 'base' && preferBase(c.route, best.route))) best = c;
  }
  return best;
}

function explainBest(best: Candidate, candidates: Candidate[], name: (r: number) => string): string {
  const lower = candidates.filter((c) => c !== best && distance(c) > distance(best) && usableCandidate(c));
  const loser = lower.sort((x, y) => distance(x) - distance(y))[0];
  const protocolWin = loser
    ? `${protocolOf(best)} preferred over ${protocolOf(loser)} (administrative distance ${distance(best)} vs ${distance(loser)})`
    : null;
  if (best.kind === 'bgp') {
    const bgp = candidates.filter((c) => c.kind === 'bgp').map((c) => c.route as BgpRoute);
    if (bgp.length > 1 || protocolWin === null) return explainWin(best.route, bgp, name);
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

function toRibEntry(topo: Topology, prefix: string, c: Candidate, best: boolean): RibEntry {
  const ownerName = (address: number | null) => (address === null ? null : (nameOf(topo, topo.owners.get(address)?.router) ?? null));
  if (c.kind === 'base') {
    const r = c.route;
    const nextHop = r.protocol === 'connected' ? null : (r.nextHop ?? r.resolution?.nextHop ?? null);
    const entry: RibEntry = {
      prefix,
      protocol: r.protocol,
      nextHop: nextHop === null ? null : formatIp(nextHop),
      nextHopNode: ownerName(nextHop),
      peer: null,
      asPath: [],
      localPref: null,
      med: null,
      origin: null,
      weight: null,
      igpCost: r.protocol === 'igp' ? r.metric : null,
      best,
    };
    if (r.problem) entry.reason = r.problem;
    return entry;
  }
  const r = c.route;
  const entry: RibEntry = {
    prefix,
    protocol: 'bgp',
    nextHop: r.nextHop === null ? null : formatIp(r.nextHop),
    nextHopNode: ownerName(r.nextHop),
    peer: r.peer < 0 ? null : topo.routers[r.peer].name,
    asPath: r.asPath,
    localPref: r.localPref,
    med: r.med,
    origin: ORIGINS[r.origin],
    weight: r.weight,
    igpCost: r.local ? null : r.igpCost,
    best,
  };
  if (!usable(r)) entry.reason = `next hop ${formatIp(r.nextHop!)} unresolvable`;
  return entry;
}

function nameOf(topo: Topology, r: number | null | undefined): string | null {
  return r === null || r === undefined ? null : topo.routers[r].name;
}

function toFibEntry(topo: Topology, prefix: string, res: Resolution): FibEntry {
  return {
    prefix,
    nextHop: res.nextHop === null ? null : formatIp(res.nextHop),
    nextHopNode: nameOf(topo, res.nextHopNode),
    interface: res.iface,
    action: res.action,
  };
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
