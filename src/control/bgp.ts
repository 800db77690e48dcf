// BGP propagation of one prefix to a fixed point: a FIFO worklist of routers (seeded in router order) whose
// best route changed; each re-advertises over its established sessions. Deterministic, and bounded: a router
// whose best route keeps changing is reported as oscillating instead of looping forever.
import type { BaseTables } from './base-routes.js';
import { selectBest, type BgpRoute } from './bestpath.js';
import type { Net } from './ip.js';
import type { Session, SessionSide } from './sessions.js';
import { netKey, type Topology } from './topology.js';

export interface BgpContext {
  topo: Topology;
  base: BaseTables;
  /** Established sessions. */
  sessions: Session[];
  valleyFree: boolean;
  oscillationLimit: number;
}

export interface PrefixOutcome {
  net: Net;
  /** Per router index: every route it holds (local first, then by session; null when none), and its best. */
  candidates: (BgpRoute[] | null)[];
  best: (BgpRoute | null)[];
  /** Routers whose best route never settled (empty when converged). */
  oscillating: number[];
}

export interface Attachment {
  session: Session;
  /** Which side of the session this router is. */
  side: 0 | 1;
  /** Position of the session in ctx.sessions. */
  slot: number;
}

export function attachments(ctx: BgpContext): Attachment[][] {
  const byRouter: Attachment[][] = ctx.topo.routers.map(() => []);
  ctx.sessions.forEach((session, slot) => {
    byRouter[session.sides[0].self].push({ session, side: 0, slot });
    byRouter[session.sides[1].self].push({ session, side: 1, slot });
  });
  return byRouter;
}

/** A router announcing the prefix, and the ORIGIN attribute (index into ORIGINS) it gives it. */
export interface Origination {
  router: number;
  origin: number;
}

export function propagate(ctx: BgpContext, attached: Attachment[][], net: Net, origins: Origination[]): PrefixOutcome {
  const { topo } = ctx;
  const key = netKey(net);
  const n = topo.routers.length;
  const local: (BgpRoute | null)[] = new Array(n).fill(null);
  for (const o of origins) local[o.router] = localRoute(ctx, o.router, o.origin);
  // ribIn[2 * session + side]: the route that side of the session holds from the other side.
  const ribIn: (BgpRoute | null)[] = new Array(ctx.sessions.length * 2).fill(null);
  const best: (BgpRoute | null)[] = new Array(n).fill(null);
  const changes = new Uint32Array(n);
  const queued = new Uint8Array(n);
  const queue: number[] = [];
  const enqueue = (r: number) => {
    if (!queued[r]) (queued[r] = 1), queue.push(r);
  };
  origins.map((o) => o.router).sort((x, y) => x - y).forEach(enqueue);

  const candidatesOf = (r: number): BgpRoute[] => {
    const list = local[r] ? [local[r]!] : [];
    for (const a of attached[r]) {
      const route = ribIn[2 * a.slot + a.side];
      if (route) list.push(route);
    }
    return list;
  };

  const oscillating = new Set<number>();
  let overtime = -1; // activations left after the limit was hit, spent naming every router that still flaps
  for (let head = 0; head < queue.length; head++) {
    if (overtime === 0) break;
    if (overtime > 0) overtime--;
    const r = queue[head];
    queued[r] = 0;
    const chosen = selectBest(candidatesOf(r));
    if (sameRoute(chosen, best[r])) continue;
    best[r] = chosen;
    if (++changes[r] > ctx.oscillationLimit && overtime < 0) overtime = 4 * n + 16;
    if (overtime >= 0) oscillating.add(r);
    for (const { session, side, slot } of attached[r]) {
      const from = session.sides[side];
      const to = session.sides[1 - side];
      const sent = chosen === null ? null : advertise(ctx, session, from, to, chosen, key);
      const held = 2 * slot + (1 - side);
      if (sameRoute(sent, ribIn[held])) continue;
      ribIn[held] = sent;
      enqueue(to.self);
    }
  }

  const candidates = best.map((_, r) => {
    const list = candidatesOf(r);
    return list.length > 0 ? list : null;
  });
  return { net, candidates, best, oscillating: [...oscillating].sort((x, y) => x - y) };
}

/**
 * True when the outcome is a fixed point: every router, offered what each neighbour's best route would send it
 * now, picks the best route it already has.
 */
export function isStable(ctx: BgpContext, attached: Attachment[][], outcome: PrefixOutcome, origins: Origination[]): boolean {
  const key = netKey(outcome.net);
  return ctx.topo.routers.every((router) => {
    const offers: BgpRoute[] = [];
    const own = origins.find((o) => o.router === router.index);
    if (own) offers.push(localRoute(ctx, router.index, own.origin));
    for (const { session, side } of attached[router.index]) {
      const from = session.sides[1 - side];
      const theirs = outcome.best[from.self];
      const sent = theirs ? advertise(ctx, session, from, session.sides[side], theirs, key) : null;
      if (sent) offers.push(sent);
    }
    return sameRoute(selectBest(offers), outcome.best[router.index]);
  });
}

function localRoute(ctx: BgpContext, r: number, origin: number): BgpRoute {
  return {
    asPath: [],
    localPref: 100,
    med: 0,
    origin,
    weight: 0,
    local: true,
    ebgp: false,
    nextHop: null,
    peer: -1,
    peerAddress: 0,
    peerRouterId: ctx.topo.routers[r].routerId ?? 0,
    originatorId: null,
    clusterList: NO_CLUSTERS,
    learned: 'local',
    fromClient: false,
    igpCost: 0,
    resolution: null,
  };
}

function denies(filter: Set<string>, key: string): boolean {
  return filter.size > 0 && filter.has(key);
}

/** Shared by every route that was never reflected; cluster lists are never mutated, only replaced. */
const NO_CLUSTERS: number[] = [];

/** What `from` sends to `to` for its best route, after export and import processing; null if nothing. */
function advertise(ctx: BgpContext, session: Session, from: SessionSide, to: SessionSide, route: BgpRoute, key: string): BgpRoute | null {
  if (route.peer === to.self || denies(from.policy.denyOut, key) || denies(to.policy.denyIn, key)) return null;
  const sender = ctx.topo.routers[from.self];
  const receiver = ctx.topo.routers[to.self];
  let asPath = route.asPath;
  let { localPref, med, nextHop, learned } = route;
  let originatorId: number | null = null;
  let clusterList = NO_CLUSTERS;
  if (session.kind === 'ebgp') {
    if (ctx.valleyFree && from.relationship !== null && from.relationship !== 'customer' && (learned === 'peer' || learned === 'provider')) return null;
    if (sender.asn === receiver.asn || asPath.includes(receiver.asn!)) return null;
    asPath = new Array<number>(1 + from.policy.prepend).fill(sender.asn!).concat(asPath);
    localPref = to.policy.localPref ?? 100;
    med = from.policy.med;
    nextHop = from.address;
    learned = to.relationship;
  } else {
    const reflected = !route.local && !route.ebgp;
    if (reflected && !(sender.reflector && (route.fromClient || from.otherIsClient))) return null;
    if (reflected) {
      originatorId = route.originatorId ?? ctx.topo.routers[route.peer].routerId;
      clusterList = [sender.clusterId ?? sender.routerId!, ...route.clusterList];
      if (originatorId === receiver.routerId) return null;
      if (receiver.reflector && clusterList.includes(receiver.clusterId ?? receiver.routerId!)) return null;
    }
    if (route.local || (sender.nextHopSelf && route.ebgp)) nextHop = from.address;
  }
  const resolved = nextHop === null ? null : ctx.base.resolve(to.self, nextHop);
  const resolution = resolved?.action === 'forward' ? resolved : null;
  // Every field written out (no spread) so that all routes share one object shape.
  return {
    asPath,
    localPref,
    med,
    origin: route.origin,
    weight: to.policy.weight,
    local: false,
    ebgp: session.kind === 'ebgp',
    nextHop,
    peer: from.self,
    peerAddress: from.address ?? 0,
    peerRouterId: originatorId ?? sender.routerId ?? 0,
    originatorId,
    clusterList,
    learned,
    fromClient: to.otherIsClient,
    igpCost: resolution?.cost ?? 0,
    resolution,
  };
}

function sameRoute(a: BgpRoute | null, b: BgpRoute | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return (
    a.peer === b.peer &&
    a.nextHop === b.nextHop &&
    a.localPref === b.localPref &&
    a.med === b.med &&
    a.origin === b.origin &&
    a.weight === b.weight &&
    a.local === b.local &&
    a.ebgp === b.ebgp &&
    a.peerAddress === b.peerAddress &&
    a.peerRouterId === b.peerRouterId &&
    a.originatorId === b.originatorId &&
    a.learned === b.learned &&
    a.fromClient === b.fromClient &&
    a.igpCost === b.igpCost &&
    sameNumbers(a.asPath, b.asPath) &&
    sameNumbers(a.clusterList, b.clusterList)
  );
}

function sameNumbers(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
