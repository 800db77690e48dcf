// Timed runs of the control plane on synthetic networks, for `npm run bench` and for reporting figures.
import { buildAsGraph, NONE, propagateAsPrefix } from './asgraph.js';
import { computeRoutes } from './index.js';
import { syntheticInternet, syntheticRouters } from './synthetic.js';

export interface Measurement {
  name: string;
  /** Wall time of the measured step only (generation excluded). */
  ms: number;
  /** CPU time of the process during the step (all threads, GC included): steadier than wall time on a busy machine. */
  cpuMs: number;
  /** Resident set size after the step, in MB. */
  rssMb: number;
  detail: Record<string, number>;
}

/** One prefix over an Internet-shaped AS graph (78,000 ASes, ~500,000 links by default). */
export function measureAsPropagation(size = 78_000, links = 500_000): Measurement {
  const internet = syntheticInternet(size, links);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const graph = buildAsGraph(internet.size, internet.customerProvider, internet.peers);
  const origin = size - 1; // the youngest AS: a stub, so its route must climb the whole hierarchy
  const routes = propagateAsPrefix(graph, origin);
  const ms = performance.now() - start;
  const cpuMs = cpuSince(cpu);
  let reached = 0;
  let longest = 0;
  for (let as = 0; as < size; as++) {
    if (routes.kind[as] !== NONE) reached++;
    longest = Math.max(longest, routes.length[as]);
  }
  const linkCount = (internet.customerProvider.length + internet.peers.length) / 2;
  return { name: 'control: one prefix over an AS graph', ms, cpuMs, rssMb: rss(), detail: { ases: size, links: linkCount, reached, longestPath: longest } };
}

/**
 * FIBs for every one of `ases` × `routersPerAs` routers with `prefixes` announced prefixes (sessions, BGP to a
 * fixed point, FIBs, forwarding checks); with `ribs`, every router's full RIB with reasons as well.
 */
export function measureFullFibs(ases = 10, routersPerAs = 100, prefixes = 1_000, ribs = false): Measurement {
  const input = syntheticRouters({ ases, routersPerAs, prefixes });
  if (!ribs) input.options = { ribNodes: [] };
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = computeRoutes(input);
  const ms = performance.now() - start;
  const cpuMs = cpuSince(cpu);
  let fibEntries = 0;
  let ribEntries = 0;
  for (const node of Object.values(result.nodes)) {
    fibEntries += node.fib.length;
    ribEntries += node.rib.length;
  }
  return {
    name: ribs ? 'control: full RIBs and FIBs' : 'control: full FIBs',
    ms,
    cpuMs,
    rssMb: rss(),
    detail: { routers: ases * routersPerAs, prefixes, ribEntries, fibEntries, findings: result.findings.length },
  };
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1000);
}

function rss(): number {
  return Math.round(process.memoryUsage().rss / 2 ** 20);
}
