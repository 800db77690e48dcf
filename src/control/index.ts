// The control plane: RoutingInput -> RIB and FIB per node, session states and findings.
import { BaseTables } from './base-routes.js';
import { ORIGINS } from './bestpath.js';
import { attachments, propagate, type BgpContext, type Origination } from './bgp.js';
import { forwardingFindings } from './forwarding.js';
import { compareNets, formatIp, formatPrefix, parseIp, parsePrefix, type Net } from './ip.js';
import { RibBuilder } from './rib.js';
import { buildSessions, deriveSessions, type Session } from './sessions.js';
import { buildTopology, lookup, netKey, type Topology } from './topology.js';
import type { Finding, FindingCode, RoutingInput, RoutingResult, SessionState } from './types.js';

export * from './types.js';
export { deriveSessions } from './sessions.js';
export { lookupFib } from './fib.js';

interface Announced {
  net: Net;
  origins: Origination[];
}

export function computeRoutes(input: RoutingInput): RoutingResult {
  const topo = buildTopology(input);
  const base = new BaseTables(topo);
  const sessions = buildSessions(topo, input.sessions ?? deriveSessions(input), base);
  const ctx: BgpContext = {
    topo,
    base,
    sessions: sessions.filter((s) => s.established),
    valleyFree: input.options?.valleyFree ?? true,
    oscillationLimit: input.options?.oscillationLimit ?? 100,
  };
  const attached = attachments(ctx);
  const announced = groupAnnouncements(topo, input);
  const name = (r: number) => topo.routers[r].name;
  const findings: Finding[] = [];
  const ribNodes = input.options?.ribNodes?.map((n) => lookup(topo.byName, n, 'ribNodes')) ?? null;
  const builder = new RibBuilder(topo, base, ribNodes);
  const originsOf = new Map(announced.map((a) => [netKey(a.net), a.origins]));
  for (const net of builder.prefixes(announced.map((a) => a.net))) {
    const origins = originsOf.get(netKey(net));
    const outcome = origins ? propagate(ctx, attached, net, origins) : null;
    builder.add(net, outcome);
    if (outcome && outcome.oscillating.length > 0) {
      const routers = outcome.oscillating.map(name);
      const prefix = formatPrefix(net);
      findings.push({ code: 'oscillation', message: `BGP does not converge for ${prefix}: the best route of ${routers.join(', ')} keeps changing`, nodes: routers, prefixes: [prefix] });
    }
  }
  const { nodes, fibs, unresolved } = builder.finish();

  const states = sessions.map((s) => sessionState(s, name));
  for (const s of states) {
    if (s.reason !== undefined) {
      findings.push({ code: 'session-down', message: `${s.kind} session ${s.a} -- ${s.b} not established: ${s.reason}`, nodes: [s.a, s.b], prefixes: [] });
    }
  }
  for (const node of [...unresolved.keys()].sort()) {
    for (const [hop, prefixes] of [...unresolved.get(node)!].sort((x, y) => parseIp(x[0]) - parseIp(y[0]))) {
      findings.push({ code: 'unresolvable-next-hop', message: `${node} cannot resolve next hop ${hop} (used by ${prefixes.join(', ')})`, nodes: [node], prefixes });
    }
  }
  for (const { net, origins } of checkedPrefixes(topo, announced)) {
    findings.push(...forwardingFindings(topo, fibs, net, origins.map((o) => o.router)));
  }
  return { nodes, sessions: states, findings: sortFindings(findings) };
}

function sessionState(s: Session, name: (r: number) => string): SessionState {
  const [a, b] = s.sides;
  const state: SessionState = {
    a: name(a.self),
    b: name(b.self),
    kind: s.kind,
    aAddress: a.address === null ? null : formatIp(a.address),
    bAddress: b.address === null ? null : formatIp(b.address),
    established: s.established,
  };
  if (s.reason !== null) state.reason = s.reason;
  return state;
}

function groupAnnouncements(topo: Topology, input: RoutingInput): Announced[] {
  const byPrefix = new Map<string, Announced>();
  for (const a of input.announcements) {
    const net = parsePrefix(a.prefix);
    const key = netKey(net);
    const entry = byPrefix.get(key) ?? { net, origins: [] };
    byPrefix.set(key, entry);
    const router = lookup(topo.byName, a.router, `announcement of ${a.prefix}`);
    if (!entry.origins.some((o) => o.router === router)) entry.origins.push({ router, origin: ORIGINS.indexOf(a.origin ?? 'igp') });
  }
  const list = [...byPrefix.values()].sort((x, y) => compareNets(x.net, y.net));
  list.forEach((e) => e.origins.sort((x, y) => x.router - y.router));
  return list;
}

/** Where forwarding is checked: every announced prefix, and for loops every static route's prefix (a loop needs no BGP). */
function checkedPrefixes(topo: Topology, announced: Announced[]): Announced[] {
  const byKey = new Map(announced.map((a) => [netKey(a.net), a]));
  for (const router of topo.routers) {
    for (const s of router.input.staticRoutes ?? []) {
      const net = parsePrefix(s.prefix);
      if (!s.drop && !byKey.has(netKey(net))) byKey.set(netKey(net), { net, origins: [] });
    }
  }
  return [...byKey.values()].sort((x, y) => compareNets(x.net, y.net));
}

const FINDING_ORDER: FindingCode[] = ['session-down', 'unresolvable-next-hop', 'oscillation', 'forwarding-loop', 'black-hole', 'prefix-unreachable'];

function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => FINDING_ORDER.indexOf(x.f.code) - FINDING_ORDER.indexOf(y.f.code) || x.i - y.i)
    .map((x) => x.f);
}
