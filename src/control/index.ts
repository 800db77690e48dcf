// The control plane: RoutingInput -> RIB and FIB per node, session states and findings.
import { BaseTables } from './base-routes.js';
import { attachments, propagate, type BgpContext, type PrefixOutcome } from './bgp.js';
import { forwardingFindings } from './forwarding.js';
import { compareNets, formatIp, formatPrefix, parsePrefix, type Net } from './ip.js';
import { buildNodeRoutes } from './rib.js';
import { buildSessions, deriveSessions } from './sessions.js';
import { buildTopology, lookup, netKey, type Topology } from './topology.js';
import type { Finding, FindingCode, RoutingInput, RoutingResult, SessionState } from './types.js';

export * from './types.js';
export { deriveSessions } from './sessions.js';
export { explainRoute } from './explain.js';
export { lookupFib } from './fib.js';

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
  const outcomes: PrefixOutcome[] = announced.map(({ net, origins }) => propagate(ctx, attached, net, origins));
  const { nodes, fibs } = buildNodeRoutes(topo, base, outcomes);

  const name = (r: number) => topo.routers[r].name;
  const findings: Finding[] = [];
  const states: SessionState[] = sessions.map((s) => {
    const [a, b] = s.sides;
    const state: SessionState = {
      a: name(a.self),
      b: name(b.self),
      kind: s.kind,
      aAddress: a.address === null ? null : formatIp(a.address),
      bAddress: b.address === null ? null : formatIp(b.address),
      established: s.established,
    };
    if (s.reason !== null) {
      state.reason = s.reason;
      findings.push({ code: 'session-down', message: `${s.kind} session ${state.a} -- ${state.b} not established: ${s.reason}`, nodes: [state.a, state.b], prefixes: [] });
    }
    return state;
  });
  findings.push(...unresolvedNextHops(nodes));
  for (const outcome of outcomes) {
    if (outcome.oscillating.length > 0) {
      const routers = outcome.oscillating.map(name);
      const prefix = formatPrefix(outcome.net);
      findings.push({ code: 'oscillation', message: `BGP does not converge for ${prefix}: the best route of ${routers.join(', ')} keeps changing`, nodes: routers, prefixes: [prefix] });
    }
  }
  announced.forEach(({ net, origins }) => findings.push(...forwardingFindings(topo, fibs, net, origins)));
  return { nodes, sessions: states, findings: sortFindings(findings) };
}

function groupAnnouncements(topo: Topology, input: RoutingInput): { net: Net; origins: number[] }[] {
  const byPrefix = new Map<string, { net: Net; origins: number[] }>();
  for (const a of input.announcements) {
    const net = parsePrefix(a.prefix);
    const key = netKey(net);
    const entry = byPrefix.get(key) ?? { net, origins: [] };
    byPrefix.set(key, entry);
    const r = lookup(topo.byName, a.router, `announcement of ${a.prefix}`);
    if (!entry.origins.includes(r)) entry.origins.push(r);
  }
  const list = [...byPrefix.values()].sort((x, y) => compareNets(x.net, y.net));
  list.forEach((e) => e.origins.sort((x, y) => x - y));
  return list;
}

/** One finding per router and unresolvable next hop, listing the prefixes that depend on it. */
function unresolvedNextHops(nodes: RoutingResult['nodes']): Finding[] {
  const findings: Finding[] = [];
  for (const node of Object.keys(nodes).sort()) {
    const byHop = new Map<string, string[]>();
    for (const entry of nodes[node].rib) {
      if (entry.reason?.endsWith('unresolvable') && entry.nextHop !== null) {
        const prefixes = byHop.get(entry.nextHop) ?? [];
        if (!prefixes.includes(entry.prefix)) prefixes.push(entry.prefix);
        byHop.set(entry.nextHop, prefixes);
      }
    }
    for (const [hop, prefixes] of [...byHop].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      findings.push({ code: 'unresolvable-next-hop', message: `${node} cannot resolve next hop ${hop} (used by ${prefixes.join(', ')})`, nodes: [node], prefixes });
    }
  }
  return findings;
}

const FINDING_ORDER: FindingCode[] = ['session-down', 'unresolvable-next-hop', 'oscillation', 'forwarding-loop', 'black-hole', 'prefix-unreachable'];

function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => FINDING_ORDER.indexOf(x.f.code) - FINDING_ORDER.indexOf(y.f.code) || x.i - y.i)
    .map((x) => x.f);
}
