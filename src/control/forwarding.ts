// Follows the FIBs toward each announced prefix from every router, to find black holes, forwarding loops and
// ASes that cannot reach the prefix. One memoised walk per prefix: O(routers) per prefix.
import type { Resolution } from './base-routes.js';
import { formatPrefix, probeAddress, type Net } from './ip.js';
import type { PrefixTable } from './prefix-table.js';
import type { Topology } from './topology.js';
import type { Finding } from './types.js';

type Fate =
  | { kind: 'delivered' }
  | { kind: 'no-route'; at: number }
  | { kind: 'dropped'; at: number }
  | { kind: 'loop'; cycle: number[] };

export function forwardingFindings(topo: Topology, fibs: PrefixTable<Resolution>[], net: Net, origins: number[]): Finding[] {
  const prefix = formatPrefix(net);
  const address = probeAddress(net);
  const fates = walkAll(topo, fibs, address, new Set(origins));
  const name = (r: number) => topo.routers[r].name;
  const findings: Finding[] = [];
  const holes = new Map<number, { dropped: boolean; from: number[] }>();
  const loops = new Map<string, number[]>();
  // Black holes only mean something for announced prefixes: a default route toward a router that has no
  // default of its own is normal, while a loop is wrong for any prefix.
  const announced = origins.length > 0;
  fates.forEach((fate, start) => {
    if (announced && ((fate.kind === 'no-route' && fate.at !== start) || fate.kind === 'dropped')) {
      const hole = holes.get(fate.at) ?? { dropped: fate.kind === 'dropped', from: [] };
      holes.set(fate.at, hole);
      if (start !== fate.at) hole.from.push(start);
    } else if (fate.kind === 'loop') {
      loops.set(fate.cycle.join(','), fate.cycle);
    }
  });
  for (const [at, hole] of [...holes].sort((x, y) => x[0] - y[0])) {
    const why = hole.dropped ? 'discards it (null route)' : 'has no route for it';
    const from = hole.from.length > 0 ? `; traffic from ${hole.from.map(name).join(', ')} ends there` : '';
    findings.push({ code: 'black-hole', message: `black hole for ${prefix}: ${name(at)} ${why}${from}`, nodes: [name(at), ...hole.from.map(name)], prefixes: [prefix] });
  }
  for (const key of [...loops.keys()].sort()) {
    const cycle = loops.get(key)!.map(name);
    findings.push({ code: 'forwarding-loop', message: `forwarding loop for ${prefix}: ${[...cycle, cycle[0]].join(' → ')}`, nodes: cycle, prefixes: [prefix] });
  }
  // An AS is cut off when none of its routers has a route at all and none announces the prefix (black holes and
  // loops are reported above).
  const routedAs = new Set<number>();
  const allAs = new Set<number>();
  fates.forEach((fate, r) => {
    const asn = topo.routers[r].asn;
    if (asn === null) return;
    allAs.add(asn);
    if (fate.kind !== 'no-route' || fate.at !== r || origins.includes(r)) routedAs.add(asn);
  });
  const cut = [...allAs].filter((asn) => !routedAs.has(asn)).sort((x, y) => x - y);
  if (cut.length > 0 && announced) {
    const by = origins.map(name).join(', ');
    findings.push({ code: 'prefix-unreachable', message: `${prefix}, announced by ${by}, has no route in AS ${cut.join(', AS ')}`, nodes: origins.map(name), prefixes: [prefix] });
  }
  return findings;
}

const DELIVERED: Fate = { kind: 'delivered' };

/**
 * The fate of a packet to `address` starting at each router, sharing work between walks that meet. A packet
 * that reaches an origin of the prefix without a more specific route is delivered: originating a prefix
 * means owning it (real routers install a discard or local route for what they announce).
 */
function walkAll(topo: Topology, fibs: PrefixTable<Resolution>[], address: number, origins: Set<number>): Fate[] {
  const fates: (Fate | undefined)[] = new Array(topo.routers.length);
  const position = new Int32Array(topo.routers.length).fill(-1);
  const path: number[] = [];
  for (let start = 0; start < topo.routers.length; start++) {
    if (fates[start] !== undefined) continue;
    path.length = 0;
    let at = start;
    let fate: Fate;
    for (;;) {
      if (fates[at] !== undefined) {
        fate = fates[at]!;
        break;
      }
      if (position[at] >= 0) {
        const cycle = path.slice(position[at]);
        const first = cycle.indexOf(Math.min(...cycle));
        fate = { kind: 'loop', cycle: [...cycle.slice(first), ...cycle.slice(0, first)] };
        break;
      }
      position[at] = path.length;
      path.push(at);
      const res = fibs[at].lookup(address);
      if (!res && origins.has(at)) {
        fate = DELIVERED;
        break;
      }
      if (!res) {
        fate = { kind: 'no-route', at };
        break;
      }
      if (res.action === 'drop') {
        fate = { kind: 'dropped', at };
        break;
      }
      // Received, delivered on a connected link, or handed to a node outside the routing input.
      if (res.action === 'receive' || res.nextHop === null || res.nextHopNode === null) {
        fate = DELIVERED;
        break;
      }
      at = res.nextHopNode;
    }
    for (const r of path) {
      fates[r] = fate;
      position[r] = -1;
    }
  }
  return fates as Fate[];
}
