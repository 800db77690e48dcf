// `topo routes --node N [--prefix P]` as text: every candidate, the best marked with why it won, then the FIB.
import { compareNets, contains, formatIp, parsePrefix, type Net } from '../control/ip.js';
import type { FibEntry, RibEntry, RoutingResult } from '../control/types.js';

/**
 * a2 (AS 64500)  198.51.100.0/24
 *  * bgp  via 203.0.113.10 (c1)  as-path 64510 64520  local-pref 100  origin igp   ← best: shorter AS path than via c3 (2 vs 3)
 *    bgp  via 203.0.113.14 (c3)  as-path 64530 64531 64520  local-pref 100  origin igp
 * fib: 198.51.100.0/24 → 203.0.113.10 (c1) out eth1
 *
 * Without a prefix, every prefix of the node. A prefix the node has no FIB entry for shows the entry that covers it.
 */
export function explainRoute(result: RoutingResult, node: string, prefix?: string): string {
  const routes = result.nodes[node];
  if (!routes) throw new Error(`no node ${node}`);
  const header = `${node}${routes.asn === null ? '' : ` (AS ${routes.asn})`}`;
  const prefixes = prefix === undefined ? unique(routes.rib.map((e) => e.prefix)) : [normalise(prefix)];
  const blocks = prefixes.map((p) => {
    const entries = routes.rib.filter((e) => e.prefix === p);
    const lines = [`${header}  ${p}`];
    if (entries.length === 0) lines.push('   no route for this prefix');
    const bodies = entries.map(describe);
    const width = Math.max(0, ...bodies.map((b) => b.length));
    entries.forEach((e, i) => {
      const note = e.reason === undefined ? '' : e.best ? `   ← best: ${e.reason}` : `   ← unusable: ${e.reason}`;
      lines.push(`${e.best ? ' * ' : '   '}${note ? bodies[i].padEnd(width) : bodies[i]}${note}`);
    });
    const covering = coveringEntry(routes.fib, parsePrefix(p));
    lines.push(covering ? `fib: ${describeFib(covering)}` : 'fib: no entry (packets to it are dropped here)');
    return lines.join('\n');
  });
  return blocks.join('\n\n') + '\n';
}

/** The FIB entry for the prefix itself, else the longest one that contains all of it. */
function coveringEntry(fib: FibEntry[], net: Net): FibEntry | null {
  let found: { entry: FibEntry; length: number } | null = null;
  for (const entry of fib) {
    const candidate = parsePrefix(entry.prefix);
    if (candidate.length > net.length || !contains(candidate, net.network)) continue;
    if (found === null || candidate.length > found.length) found = { entry, length: candidate.length };
  }
  return found?.entry ?? null;
}

function describe(e: RibEntry): string {
  const parts = [e.protocol.padEnd(9)];
  if (e.protocol === 'connected') parts.push('directly connected');
  else if (e.nextHop === null) parts.push(e.protocol === 'bgp' ? 'locally originated' : 'no next hop');
  else parts.push(`via ${e.nextHop}${e.nextHopNode ? ` (${e.nextHopNode})` : ''}`);
  if (e.protocol === 'bgp') {
    if (e.peer !== null && e.peer !== e.nextHopNode) parts.push(`from ${e.peer}`);
    parts.push(`as-path ${e.asPath.length > 0 ? e.asPath.join(' ') : '(empty)'}`, `local-pref ${e.localPref}`);
    if (e.med) parts.push(`med ${e.med}`);
    if (e.weight) parts.push(`weight ${e.weight}`);
    parts.push(`origin ${e.origin}`);
    if (e.igpCost) parts.push(`igp-cost ${e.igpCost}`);
  } else if (e.protocol === 'igp') {
    parts.push(`cost ${e.igpCost}`);
  }
  return parts.join('  ');
}

function describeFib(f: FibEntry): string {
  const target =
    f.action === 'drop' ? 'drop (null route)'
    : f.action === 'receive' ? 'local (received)'
    : f.nextHop === null ? 'directly connected'
    : `${f.nextHop}${f.nextHopNode ? ` (${f.nextHopNode})` : ''}`;
  return `${f.prefix} → ${target}${f.interface ? ` out ${f.interface}` : ''}`;
}

function normalise(prefix: string): string {
  const net = parsePrefix(prefix);
  return `${formatIp(net.network)}/${net.length}`;
}

function unique(prefixes: string[]): string[] {
  return [...new Set(prefixes)].sort((a, b) => compareNets(parsePrefix(a), parsePrefix(b)));
}
