// BGP best-path selection in the standard order, and the words that say which step decided.
import type { Resolution } from './base-routes.js';
import { formatIp } from './ip.js';
import type { Relationship } from './sessions.js';

export const ORIGINS = ['igp', 'egp', 'incomplete'] as const;

export interface BgpRoute {
  asPath: number[];
  localPref: number;
  med: number;
  /** Index into ORIGINS. */
  origin: number;
  weight: number;
  /** Originated by the router holding it. */
  local: boolean;
  ebgp: boolean;
  /** null for a locally originated route. */
  nextHop: number | null;
  /** Router index the route was learned from; -1 when local. */
  peer: number;
  peerAddress: number;
  /** The peer's router id, or ORIGINATOR_ID for a reflected route (RFC 4456 §9). */
  peerRouterId: number;
  originatorId: number | null;
  clusterList: number[];
  /** How the route entered this AS, for valley-free export; null when the session has no relationship. */
  learned: Relationship | 'local' | null;
  /** Learned from this router's route-reflector client. */
  fromClient: boolean;
  igpCost: number;
  /** How the next hop resolves; null for a local route or an unresolvable next hop. */
  resolution: Resolution | null;
}

export const STEPS = [
  'weight',
  'local-pref',
  'locally originated',
  'AS path',
  'origin',
  'MED',
  'eBGP over iBGP',
  'IGP cost',
  'router id',
  'peer address',
] as const;

/** The first step at which a and b differ: sign < 0 when a is better; step is an index into STEPS. */
export function decide(a: BgpRoute, b: BgpRoute): { sign: number; step: number } {
  // Written out step by step: this runs for every candidate of every prefix on every router.
  let d = b.weight - a.weight;
  if (d !== 0) return { sign: Math.sign(d), step: 0 };
  if ((d = b.localPref - a.localPref) !== 0) return { sign: Math.sign(d), step: 1 };
  if ((d = Number(b.local) - Number(a.local)) !== 0) return { sign: d, step: 2 };
  if ((d = a.asPath.length - b.asPath.length) !== 0) return { sign: Math.sign(d), step: 3 };
  if ((d = a.origin - b.origin) !== 0) return { sign: Math.sign(d), step: 4 };
  if (neighbourAs(a) === neighbourAs(b) && (d = a.med - b.med) !== 0) return { sign: Math.sign(d), step: 5 };
  if ((d = Number(b.ebgp) - Number(a.ebgp)) !== 0) return { sign: d, step: 6 };
  if ((d = a.igpCost - b.igpCost) !== 0) return { sign: Math.sign(d), step: 7 };
  if ((d = a.peerRouterId - b.peerRouterId) !== 0) return { sign: Math.sign(d), step: 8 };
  if ((d = a.peerAddress - b.peerAddress) !== 0) return { sign: Math.sign(d), step: 9 };
  return { sign: 0, step: STEPS.length };
}

function neighbourAs(route: BgpRoute): number {
  return route.asPath.length > 0 ? route.asPath[0] : -1;
}

/**
 * The best of the usable candidates. MED only compares routes from the same neighbour AS, which makes pairwise
 * comparison order-dependent; like "deterministic MED", pick the best per neighbour AS first, then among those.
 */
export function selectBest(candidates: readonly BgpRoute[]): BgpRoute | null {
  if (candidates.length === 1) return usable(candidates[0]) ? candidates[0] : null;
  if (candidates.length === 2) return betterOfTwo(candidates[0], candidates[1]); // the common case, without a Map
  const groups = new Map<number, BgpRoute>();
  for (const route of candidates) {
    if (!usable(route)) continue;
    const key = neighbourAs(route);
    const current = groups.get(key);
    if (current === undefined || decide(route, current).sign < 0) groups.set(key, route);
  }
  let best: BgpRoute | null = null;
  for (const key of [...groups.keys()].sort((x, y) => x - y)) {
    const route = groups.get(key)!;
    if (best === null || decide(route, best).sign < 0) best = route;
  }
  return best;
}

/** selectBest for two candidates, where grouping by neighbour AS and one comparison agree (ties included). */
function betterOfTwo(a: BgpRoute, b: BgpRoute): BgpRoute | null {
  if (!usable(a)) return usable(b) ? b : null;
  if (!usable(b)) return a;
  const sign = decide(a, b).sign;
  if (sign !== 0) return sign < 0 ? a : b;
  return neighbourAs(a) <= neighbourAs(b) ? a : b;
}

export function usable(route: BgpRoute): boolean {
  return route.local || route.resolution !== null;
}

/**
 * Why `best` won, against the closest competitor (the one that lost at the latest step):
 * "shorter AS path than via c3 (2 < 3)".
 */
export function explainWin(best: BgpRoute, others: readonly BgpRoute[], name: (router: number) => string, ip = formatIp): string {
  let rival: BgpRoute | null = null;
  let step = -1;
  for (const other of others) {
    if (other === best || !usable(other)) continue;
    const d = decide(best, other);
    if (d.step > step) [rival, step] = [other, d.step];
  }
  if (rival === null) return 'only route';
  const via = rival.local ? 'the local origination' : `via ${name(rival.peer)}`;
  const pair = (x: string | number, y: string | number) => ` (${x} vs ${y})`;
  switch (STEPS[step]) {
    case 'weight':
      return `higher weight than ${via}` + pair(best.weight, rival.weight);
    case 'local-pref':
      return `higher local-pref than ${via}` + pair(best.localPref, rival.localPref);
    case 'locally originated':
      return `locally originated, preferred over the route ${via}`;
    case 'AS path':
      return `shorter AS path than ${via}` + pair(best.asPath.length, rival.asPath.length);
    case 'origin':
      return `better origin than ${via}` + pair(ORIGINS[best.origin], ORIGINS[rival.origin]);
    case 'MED':
      return `lower MED than ${via}` + pair(best.med, rival.med);
    case 'eBGP over iBGP':
      return `eBGP preferred over iBGP ${via}`;
    case 'IGP cost':
      return `lower IGP cost to the next hop than ${via}` + pair(best.igpCost, rival.igpCost);
    case 'router id':
      return `lower router id than ${via}` + pair(ip(best.peerRouterId), ip(rival.peerRouterId));
    case 'peer address':
      return `lower peer address than ${via}` + pair(ip(best.peerAddress), ip(rival.peerAddress));
    default:
      return `equal to ${via}; kept the first`;
  }
}
