// BGP sessions: derived from the topology when not given, then checked for whether they would come up.
import type { BaseTables } from './base-routes.js';
import { formatIp, parseIp } from './ip.js';
import { lookup, ownerOf, prefixSet, type Router, type Topology } from './topology.js';
import type { InterfaceInput, RouterInput, RoutingInput, SessionEnd, SessionInput, SidePolicy } from './types.js';

export type Relationship = 'customer' | 'peer' | 'provider';

export interface CompiledPolicy {
  localPref: number | null;
  med: number;
  prepend: number;
  weight: number;
  denyIn: Set<string>;
  denyOut: Set<string>;
}

/** A session seen from one end: `self` and `other` are router indices. */
export interface SessionSide {
  self: number;
  other: number;
  address: number | null;
  policy: CompiledPolicy;
  /** What the other end is to this one, when the session carries a relationship. */
  relationship: Relationship | null;
  /** The other end is this end's route-reflector client. */
  otherIsClient: boolean;
}

export interface Session {
  index: number;
  kind: 'ebgp' | 'ibgp';
  /** sides[0] is end a, sides[1] end b. */
  sides: [SessionSide, SessionSide];
  established: boolean;
  reason: string | null;
}

/**
 * eBGP on every link between routers of different ASes (unless `bgp: off`); iBGP inside each AS as a full mesh,
 * or — when the AS has route reflectors — reflector–client sessions plus a full mesh of everyone who is no client.
 */
export function deriveSessions(input: RoutingInput): SessionInput[] {
  const routers = new Map(input.routers.map((r) => [r.name, r]));
  const sessions: SessionInput[] = [];
  const links = [...input.links].sort((x, y) => compare(x.name, y.name));
  const onLink = new Map<string, { router: RouterInput; iface: InterfaceInput }[]>();
  for (const router of input.routers) {
    for (const iface of router.interfaces) {
      if (iface.link !== undefined) onLink.set(iface.link, [...(onLink.get(iface.link) ?? []), { router, iface }]);
    }
  }
  for (const link of links) {
    if (link.bgp === false) continue;
    const ends = (onLink.get(link.name) ?? []).sort((x, y) => compare(x.router.name, y.router.name));
    for (let i = 0; i < ends.length; i++) {
      for (let j = i + 1; j < ends.length; j++) {
        const [x, y] = [ends[i], ends[j]];
        if (x.router.asn === undefined || y.router.asn === undefined || x.router.asn === y.router.asn) continue;
        const end = (e: typeof x): SessionEnd => {
          const policy = link.policy?.[e.router.name];
          return policy ? { router: e.router.name, address: e.iface.address, policy } : { router: e.router.name, address: e.iface.address };
        };
        const session: SessionInput = { a: end(x), b: end(y) };
        if (link.provider !== undefined) session.provider = link.provider;
        if (link.peer) session.peer = true;
        sessions.push(session);
      }
    }
  }
  const byAs = new Map<number, string[]>();
  for (const r of input.routers) if (r.asn !== undefined) byAs.set(r.asn, [...(byAs.get(r.asn) ?? []), r.name]);
  for (const asn of [...byAs.keys()].sort((x, y) => x - y)) {
    const names = byAs.get(asn)!.sort(compare);
    const clientOf = (x: string, y: string) => routers.get(x)!.routeReflector === true && (routers.get(x)!.clients ?? []).includes(y);
    const isClient = new Set(names.filter((n) => names.some((rr) => clientOf(rr, n))));
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const [x, y] = [names[i], names[j]];
        if (clientOf(x, y) || clientOf(y, x) || (!isClient.has(x) && !isClient.has(y))) {
          sessions.push({ a: { router: x }, b: { router: y } });
        }
      }
    }
  }
  return sessions;
}

export function buildSessions(topo: Topology, inputs: SessionInput[], base: BaseTables): Session[] {
  return inputs.map((input, index) => {
    const a = topo.routers[lookup(topo.byName, input.a.router, 'session end')];
    const b = topo.routers[lookup(topo.byName, input.b.router, 'session end')];
    const kind = a.asn !== null && a.asn === b.asn ? 'ibgp' : 'ebgp';
    const side = (end: SessionEnd, self: Router, other: Router): SessionSide => ({
      self: self.index,
      other: other.index,
      address: end.address !== undefined ? parseIp(end.address) : defaultAddress(self, other, kind),
      policy: compilePolicy(end.policy),
      relationship: relationshipOf(input, self, other),
      otherIsClient: self.reflector && self.clients.has(other.index),
    });
    const session: Session = {
      index,
      kind,
      sides: [side(input.a, a, b), side(input.b, b, a)],
      established: false,
      reason: null,
    };
    session.reason = whyDown(topo, base, input, session);
    session.established = session.reason === null;
    return session;
  });
}

/** The first reason, in this order, that the session would not come up; null when it would. */
function whyDown(topo: Topology, base: BaseTables, input: SessionInput, session: Session): string | null {
  const [a, b] = session.sides.map((s) => topo.routers[s.self]);
  const ends = [input.a, input.b];
  const unconfigured = ends.findIndex((e) => e.configured === false);
  if (unconfigured >= 0) {
    const [missing, present] = unconfigured === 0 ? [a, b] : [b, a];
    return `only one side configured: ${present.name} declares the session, ${missing.name} does not`;
  }
  for (const [end, self, other] of [[input.a, a, b], [input.b, b, a]] as const) {
    if (self.asn === null) return `AS mismatch: ${self.name} is in no AS`;
    if (end.remoteAs !== undefined && end.remoteAs !== other.asn) {
      return `AS mismatch: ${self.name} expects AS ${end.remoteAs}, ${other.name} is in AS ${other.asn ?? 'none'}`;
    }
  }
  const noId = [a, b].find((r) => r.routerId === null);
  if (noId) return `missing router id on ${noId.name}`;
  for (const [from, to] of [[session.sides[0], session.sides[1]], [session.sides[1], session.sides[0]]]) {
    const name = topo.routers[from.self].name;
    if (to.address === null) return `no IP path between the peers: ${topo.routers[to.self].name} has no address`;
    const stop = walk(topo, base, from.self, to.address);
    if (stop !== null) return `no IP path between the peers: ${name} cannot reach ${formatIp(to.address)} (${stop})`;
  }
  return null;
}

/** Follows the non-BGP tables hop by hop toward `address`; null when it arrives, else where it stopped. */
function walk(topo: Topology, base: BaseTables, from: number, address: number): string | null {
  let at = from;
  for (let hops = 0; hops <= topo.routers.length; hops++) {
    const res = base.resolve(at, address);
    const here = topo.routers[at].name;
    if (res === null) return `no route at ${here}`;
    if (res.action === 'receive') return at === ownerOf(topo, address)?.router ? null : `received by ${here}`;
    if (res.action === 'drop') return `dropped at ${here}`;
    if (res.nextHopNode === null) return `no neighbour at ${formatIp(res.nextHop ?? address)} from ${here}`;
    at = res.nextHopNode;
  }
  return 'forwarding loop';
}

function defaultAddress(self: Router, other: Router, kind: 'ebgp' | 'ibgp'): number | null {
  const otherLinks = new Set(other.interfaces.map((i) => i.link).filter((l) => l !== null));
  const shared = self.interfaces.find((i) => i.link !== null && otherLinks.has(i.link));
  const loopback = self.interfaces.find((i) => i.link === null);
  const first = kind === 'ibgp' ? (loopback ?? shared) : (shared ?? loopback);
  return (first ?? self.interfaces[0])?.address ?? null;
}

function relationshipOf(input: SessionInput, self: Router, other: Router): Relationship | null {
  if (input.peer) return 'peer';
  if (input.provider === undefined) return null;
  if (input.provider === other.name) return 'provider';
  if (input.provider === self.name) return 'customer';
  throw new Error(`provider ${input.provider} is not an end of the session ${self.name} -- ${other.name}`);
}

function compilePolicy(policy: SidePolicy | undefined): CompiledPolicy {
  return {
    localPref: policy?.localPref ?? null,
    med: policy?.med ?? 0,
    prepend: policy?.prepend ?? 0,
    weight: policy?.weight ?? 0,
    denyIn: prefixSet(policy?.denyIn),
    denyOut: prefixSet(policy?.denyOut),
  };
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
