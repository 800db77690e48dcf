// `topo routes` output: per node the RIB (every candidate, the best with why it won) and the FIB.
import type { NodeRoutes, RoutingResult } from '../control/index.js';
import { explainRoute } from './routes-explain.js';

export interface RouteFilter {
  node?: string;
  prefix?: string;
}

/** The JSON document: `{nodes: {NAME: {asn, rib, fib}}, sessions, findings}`, filtered (docs/schemas/routes.schema.json). */
export function routesJson(result: RoutingResult, filter: RouteFilter): string {
  const nodes: Record<string, NodeRoutes> = {};
  for (const name of selectedNodes(result, filter)) {
    const r = result.nodes[name];
    nodes[name] = filter.prefix === undefined ? r : { ...r, rib: r.rib.filter((e) => e.prefix === filter.prefix), fib: r.fib.filter((e) => e.prefix === filter.prefix) };
  }
  const sessions = result.sessions.filter((s) => filter.node === undefined || s.a === filter.node || s.b === filter.node);
  return JSON.stringify({ nodes, sessions, findings: result.findings }, null, 2) + '\n';
}

/** Text: the BGP sessions, then one block per node and prefix in the style of docs/routing.md. */
export function routesText(result: RoutingResult, filter: RouteFilter): string {
  const blocks: string[] = [];
  const sessions = result.sessions.filter((s) => filter.node === undefined || s.a === filter.node || s.b === filter.node);
  if (sessions.length > 0 && filter.prefix === undefined) {
    const rows = sessions.map((s) => [s.kind, `${s.a} -- ${s.b}`, `${s.aAddress ?? '?'} -- ${s.bAddress ?? '?'}`, s.established ? 'established' : `down: ${s.reason}`]);
    blocks.push(['BGP sessions', ...table(rows).map((r) => `  ${r}`)].join('\n') + '\n');
  }
  for (const name of selectedNodes(result, filter)) {
    const routes = result.nodes[name];
    if (filter.prefix === undefined && routes.rib.length === 0) continue;
    blocks.push(explainRoute(result, name, filter.prefix));
  }
  return blocks.join('\n');
}

function selectedNodes(result: RoutingResult, filter: RouteFilter): string[] {
  return filter.node === undefined ? Object.keys(result.nodes) : [filter.node];
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  '));
}
