// `topo diff OLD NEW`: what a change does to the network, for pull-request review — flows whose path,
// disposition or headers changed, FIB routes gained, lost or moved per node, and flows that became reachable
// or unreachable. Flows and nodes are matched by name.
import { tracePath } from '../assert/context.js';
import type { RoutingResult } from '../control/index.js';
import { buildDataplane, packetKey } from '../dataplane/index.js';
import type { Network } from '../model/types.js';
import type { Program } from '../resolve/program.js';
import { traceContext, traceFlow, type FlowTrace } from '../trace/index.js';

export interface Side {
  program: Program;
  network: Network;
  routing: RoutingResult;
}

export interface FlowChange {
  flow: string;
  /** Present when the node path changed. */
  path?: { old: string[]; new: string[] };
  disposition?: { old: string; new: string };
  /** The first hop whose header stack differs, when the path is the same. */
  headers?: { hop: number; wire: string };
  /** Only in one revision. */
  only?: 'old' | 'new';
}

export interface RouteChange {
  node: string;
  prefix: string;
  old: string | null;
  new: string | null;
}

export interface DiffDoc {
  flows: FlowChange[];
  routes: RouteChange[];
  reachability: { flow: string; change: 'appeared' | 'vanished' }[];
}

interface Traced {
  path: string[];
  disposition: string;
  hops: string[];
  wires: string[];
}

function traceAll(side: Side): Map<string, Traced> {
  const dp = buildDataplane(side.program, side.network, side.routing);
  const ctx = traceContext(side.program, dp);
  const name = (id: number) => side.network.nodes[id].name;
  const out = new Map<string, Traced>();
  for (const f of side.program.flows) {
    const t: FlowTrace = traceFlow(ctx, f).request;
    const d = t.disposition;
    const disposition = d.kind === 'delivered' ? 'delivered' : `dropped at ${name(d.node)}: ${d.detail}`;
    out.set(f.name, { path: tracePath(t, false).map(name), disposition, hops: t.hops.map((h) => packetKey(h.packet)), wires: t.hops.map((h) => `${name(h.from)} → ${name(h.to)}`) });
  }
  return out;
}

function flowChanges(old: Map<string, Traced>, now: Map<string, Traced>): FlowChange[] {
  const names = [...new Set([...old.keys(), ...now.keys()])];
  return names.flatMap((flow): FlowChange[] => {
    const a = old.get(flow);
    const b = now.get(flow);
    if (!a || !b) return [{ flow, only: a ? 'old' : 'new' }];
    const c: FlowChange = { flow };
    if (a.path.join() !== b.path.join()) c.path = { old: a.path, new: b.path };
    if (a.disposition !== b.disposition) c.disposition = { old: a.disposition, new: b.disposition };
    const i = a.hops.findIndex((h, k) => h !== b.hops[k]);
    if (!c.path && i >= 0) c.headers = { hop: i + 1, wire: a.wires[i] };
    return Object.keys(c).length > 1 ? [c] : [];
  });
}

function routeTable(r: RoutingResult): Map<string, string> {
  const out = new Map<string, string>();
  for (const [node, routes] of Object.entries(r.nodes)) {
    // A connected route is named without its interface: renumbered interfaces are not a routing change.
    for (const e of routes.fib) out.set(`${node}\t${e.prefix}`, e.action !== 'forward' ? e.action : e.nextHop === null ? 'connected' : `via ${e.nextHopNode ?? e.nextHop}`);
  }
  return out;
}

function routeChanges(old: RoutingResult, now: RoutingResult): RouteChange[] {
  const a = routeTable(old);
  const b = routeTable(now);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys.flatMap((k) => {
    const [node, prefix] = k.split('\t');
    const x = a.get(k) ?? null;
    const y = b.get(k) ?? null;
    return x === y ? [] : [{ node, prefix, old: x, new: y }];
  });
}

export function diffNetworks(old: Side, now: Side): DiffDoc {
  const flows = flowChanges(traceAll(old), traceAll(now));
  const reachability = flows.flatMap((f) => {
    if (!f.disposition) return [];
    const was = f.disposition.old === 'delivered';
    const is = f.disposition.new === 'delivered';
    return was === is ? [] : [{ flow: f.flow, change: is ? ('appeared' as const) : ('vanished' as const) }];
  });
  return { flows, routes: routeChanges(old.routing, now.routing), reachability };
}

export function diffText(d: DiffDoc): string {
  const out: string[] = [];
  if (d.flows.length) out.push('flows');
  for (const f of d.flows) {
    if (f.only) out.push(`  ${f.flow}: only in the ${f.only} revision`);
    if (f.disposition) out.push(`  ${f.flow}: ${f.disposition.new} (was ${f.disposition.old})`);
    if (f.path) out.push(`  ${f.flow}: path changed`, `    - ${f.path.old.join(', ')}`, `    + ${f.path.new.join(', ')}`);
    if (f.headers) out.push(`  ${f.flow}: headers changed from hop ${f.headers.hop} (${f.headers.wire})`);
  }
  if (d.routes.length) out.push('routes');
  for (const r of d.routes) {
    const what = r.old === null ? `gained ${r.prefix} ${r.new}` : r.new === null ? `lost ${r.prefix} ${r.old}` : `${r.prefix} ${r.old} → ${r.new}`;
    out.push(`  ${r.node}: ${what}`);
  }
  if (d.reachability.length) out.push('reachability');
  for (const r of d.reachability) out.push(`  ${r.flow}: ${r.change === 'vanished' ? 'no longer delivered' : 'now delivered'}`);
  if (out.length === 0) out.push('no changes to flows, routes or reachability');
  return out.join('\n') + '\n';
}

export function diffJson(d: DiffDoc): string {
  return JSON.stringify(d, null, 2) + '\n';
}
