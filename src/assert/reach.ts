// `reachable A -> B[:port]` and `not reachable`: a probe flow from A to B traced like a declared one. Without a
// port, B is reached when the packets arrive at its node, listener or not (a ping); with one, something must
// listen. `internet` stands for every node that originates traffic outside any VPC and outside B's AS.
import { parseIp } from '../control/ip.js';
import { valuesOf, type NodeId, type Program, type Prop, type Value } from '../resolve/program.js';
import { traceFlow, type FlowTrace } from '../trace/index.js';
import { dispositionText, dropHop, hostOf, nodeName, tracePath, type EvalContext, type Failure } from './context.js';
import type { Form } from './forms.js';

type Reachable = Extract<Form, { form: 'reachable' }>;

export function evalReachable(ctx: EvalContext, form: Reachable): Failure[] {
  const to = form.to.node;
  const from = 'group' in form.from ? null : form.from.node;
  const sources = from === null ? internet(ctx, to) : [hostOf(ctx, from)];
  const probes = sources.map((s) => probe(ctx, s, to, form.port));
  if (form.both && from !== null) probes.push(probe(ctx, hostOf(ctx, to), from, null));
  const reached = probes.filter((p) => p.reached);
  const arrow = (p: Probe) => `${nodeName(ctx, p.from)} → ${nodeName(ctx, p.to)}`;
  if (form.negated) {
    // One path in is enough to show; the other sources that also get in are counted.
    const [p, ...more] = reached;
    if (!p) return [];
    const last = p.trace.hops[p.trace.hops.length - 1];
    const f: Failure = { expected: `not reachable ${arrow(p)}`, actual: `reachable: ${tracePath(p.trace, false).map((n) => nodeName(ctx, n)).join(', ')}`, hop: last && { trace: p.trace, hop: last } };
    if (more.length) f.where = `and from ${more.map((m) => nodeName(ctx, m.from)).join(', ')}`;
    return [f];
  }
  if (from === null && probes.length === 0) return [{ expected: `reachable internet → ${nodeName(ctx, to)}`, actual: 'no node outside every VPC and its AS sends traffic' }];
  // From a group, one source reaching B is enough (the Internet reaches it); from nodes, every direction asked.
  const failed = from === null ? (reached.length ? [] : probes.slice(0, 1)) : probes.filter((p) => !p.reached);
  return failed.map((p) => ({ expected: `reachable ${arrow(p)}`, actual: dispositionText(ctx, p.trace), hop: dropHop(p.trace) }));
}

interface Probe {
  from: NodeId;
  to: NodeId;
  /** The trace to the first address that answered, else to the last one tried. */
  trace: FlowTrace;
  reached: boolean;
}

/** Try each address of the target, its own and the public ones a 1:1 NAT forwards to it. */
function probe(ctx: EvalContext, from: NodeId, to: NodeId, port: Reachable['port']): Probe {
  const host = hostOf(ctx, to);
  const listen = valuesOf(ctx.program.nodes[to].props, 'listen', 'port')[0];
  const wanted = port ?? (listen && { protocol: listen.protocol === 'udp' ? ('udp' as const) : ('tcp' as const), port: listen.port });
  const nat = ctx.network.nats.flatMap((r) => (r.type === 'static' && r.target === host ? [r.public] : []));
  const addresses = [...[...(ctx.dp.addresses[host] ?? [])].filter((a) => a.includes('.')), ...nat];
  let trace: FlowTrace | null = null;
  for (const address of addresses) {
    trace = probeTrace(ctx, from, to, address, wanted ?? { protocol: 'tcp', port: 80 });
    if (arrived(ctx, trace, host, !wanted)) return { from, to, trace: upTo(trace, host), reached: true };
  }
  trace ??= probeTrace(ctx, from, to, null, wanted ?? { protocol: 'tcp', port: 80 });
  return { from, to, trace, reached: false };
}

/** Delivered to a listener; without a port, arriving at the target's node is enough (a ping). */
function arrived(ctx: EvalContext, t: FlowTrace, host: NodeId, anyPort: boolean): boolean {
  const d = t.disposition;
  if (d.kind === 'delivered') return t.segments.some((s) => s.serverNode === host || (s.server !== null && hostOf(ctx, s.server) === host));
  return anyPort && d.reason === 'no-listener' && d.node === host;
}

/** Nodes that hold an address and can send (not switches or processes), outside every VPC and the target's AS. */
function internet(ctx: EvalContext, to: NodeId): NodeId[] {
  const target = ctx.network.nodes[hostOf(ctx, to)];
  return ctx.network.nodes
    .filter((n) => ctx.program.nodes[n.id].nature === 'node' && !n.behaviours.includes('switch') && ctx.dp.addresses[n.id]?.size > 0)
    .filter((n) => n.id !== target.id && n.vpc === null && (target.asn === null || n.asn !== target.asn))
    .map((n) => n.id);
}

/** The trace up to the connection that reached the host: a proxy's own calls onward are not the probe's. */
function upTo(t: FlowTrace, host: NodeId): FlowTrace {
  const seg = t.segments.find((s) => s.serverNode === host);
  return seg ? { ...t, segments: t.segments.slice(0, seg.index), hops: t.hops.filter((h) => h.segment <= seg.index) } : t;
}

/** A probe flow as if declared: `flow A -> B { from: A; to: ADDRESS; port: PORT }`. */
function probeTrace(ctx: EvalContext, from: NodeId, to: NodeId, address: string | null, port: { protocol: 'tcp' | 'udp'; port: number }): FlowTrace {
  const span = ctx.program.nodes[to].nameSpan;
  const target: Value = address === null ? { kind: 'ref', node: to, span } : { kind: 'ip', addr: parseIp(address), span };
  const prop = (key: string, value: Value): [string, Prop] => [key, { key, keySpan: span, values: [value], origin: 'decl' }];
  const flow: Program['flows'][number] = {
    name: `${nodeName(ctx, from)} -> ${nodeName(ctx, to)}`,
    nameSpan: span,
    span,
    file: span.file,
    container: null,
    props: new Map([prop('from', { kind: 'ref', node: from, span }), prop('to', target), prop('port', { kind: 'port', ...port, portEnd: null, span })]),
  };
  return traceFlow(ctx.trace, flow).request;
}
