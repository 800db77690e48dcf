// What evaluating assertions needs, built once per program: the data plane, traces (each flow traced once),
// address owners, and how to name nodes, hops and their origins in a failure.
import type { RoutingResult } from '../control/index.js';
import { buildDataplane, type Dataplane } from '../dataplane/index.js';
import type { Span } from '../diagnostics/span.js';
import type { Network } from '../model/types.js';
import type { Flow, NodeId, Program } from '../resolve/program.js';
import { buildOwners, traceContext, traceFlow, type FlowTrace, type Owners, type TraceContext, type TraceHop } from '../trace/index.js';

export interface EvalContext {
  program: Program;
  network: Network;
  routing: RoutingResult;
  dp: Dataplane;
  trace: TraceContext;
  owners: Owners;
  requests: Map<Flow, FlowTrace>;
}

/** Where a failing value came from: a declaration or property in the source. */
export interface Origin {
  /** "the VNI comes from", "the address belongs to". */
  label: string;
  text: string;
  span: Span;
}

/** One claim of an assertion that does not hold. */
export interface Failure {
  expected: string;
  actual: string;
  /** Where the actual value was seen: "hop 14 · hostA → hostB, segment 4 haproxy → controller". */
  where?: string;
  origin?: Origin;
  /** The hop to show the header table of. */
  hop?: { trace: FlowTrace; hop: TraceHop };
}

export function evalContext(program: Program, network: Network, routing: RoutingResult): EvalContext {
  const dp = buildDataplane(program, network, routing);
  return { program, network, routing, dp, trace: traceContext(program, dp), owners: buildOwners(network), requests: new Map() };
}

export function requestOf(ctx: EvalContext, flow: Flow): FlowTrace {
  let t = ctx.requests.get(flow);
  if (!t) ctx.requests.set(flow, (t = traceFlow(ctx.trace, flow).request));
  return t;
}

export const nodeName = (ctx: EvalContext, id: NodeId): string => ctx.program.nodes[id].name;

/** The node a process runs on, unless it has interfaces of its own (a virtual router): hops join nodes. */
export const hostOf = (ctx: EvalContext, id: NodeId): NodeId => (ctx.network.nodes[id].interfaces.length > 0 ? id : ctx.program.nodes[id].on?.node ?? id);

export function hopWhere(ctx: EvalContext, t: FlowTrace, h: TraceHop): string {
  const s = t.segments[h.segment - 1];
  const seg = s ? `, segment ${s.index} ${nodeName(ctx, s.client)} → ${s.serverNode === null ? '?' : nodeName(ctx, s.serverNode)}` : '';
  return `hop ${h.index} · ${nodeName(ctx, h.from)} → ${nodeName(ctx, h.to)}${seg}`;
}

/** The nodes a trace passes, in order, without repeats in a row; `switches` adds the switches of each hop. */
export function tracePath(t: FlowTrace, switches: boolean): NodeId[] {
  const out: NodeId[] = [];
  const push = (n: NodeId) => (out[out.length - 1] === n ? undefined : out.push(n));
  for (const h of t.hops) {
    push(h.from);
    if (switches) h.switches.forEach(push);
    push(h.to);
  }
  return out;
}

export function dispositionText(ctx: EvalContext, t: FlowTrace): string {
  const d = t.disposition;
  if (d.kind === 'delivered') return 'delivered';
  return `dropped at ${nodeName(ctx, d.node)}${d.hop === null ? '' : ` after hop ${d.hop}`}: ${d.detail}`;
}

/** The failure's hop table for a drop: the last hop the packet made. */
export function dropHop(t: FlowTrace): Failure['hop'] {
  const d = t.disposition;
  return d.kind === 'dropped' && d.hop !== null ? { trace: t, hop: t.hops[d.hop - 1] } : undefined;
}
