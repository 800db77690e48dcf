// `reachable A -> B[:port]` and `not reachable`: a probe flow from A to B traced like a declared one. Without a
// port, B is reached when the packets arrive at its node, listener or not (a ping); with one, something must
// listen. `internet` stands for every node that originates traffic outside any VPC and outside B's AS.
import type { NodeId, Program, Prop, Value } from '../resolve/program.js';
import { traceFlow, type FlowTrace } from '../trace/index.js';
import { dispositionText, dropHop, hostOf, nodeName, tracePath, type EvalContext, type Failure } from './context.js';
import type { Form } from './forms.js';

type Reachable = Extract<Form, { form: 'reachable' }>;

export function evalReachable(ctx: EvalContext, form: Reachable): Failure[] {
  const to = form.to.node;
  const sources = 'group' in form.from ? internet(ctx, to) : [hostOf(ctx, form.from.node)];
  const probes = sources.map((s) => ({ trace: probe(ctx, s, to, form.port), from: s, to }));
  if (form.both && !('group' in form.from)) probes.push({ trace: probe(ctx, hostOf(ctx, to), form.from.node, null), from: hostOf(ctx, to), to: form.from.node });
  const reached = probes.filter((p) => arrived(ctx, p.trace, p.to, form.port === null));
  const arrow = (p: { from: NodeId; to: NodeId }) => `${nodeName(ctx, p.from)} → ${nodeName(ctx, p.to)}`;
  if (form.negated) {
    return reached.map((p) => {
      const last = p.trace.hops[p.trace.hops.length - 1];
      return { expected: `not reachable ${arrow(p)}`, actual: `reachable: ${tracePath(p.trace, false).map((n) => nodeName(ctx, n)).join(', ')}`, hop: last && { trace: p.trace, hop: last } };
    });
  }
  // From a group, one source reaching B is enough (the Internet reaches it); from nodes, every direction asked.
  const failed = 'group' in form.from ? (reached.length ? [] : probes.slice(0, 1)) : probes.filter((p) => !reached.includes(p));
  const noSource = 'group' in form.from && probes.length === 0;
  if (noSource) return [{ expected: `reachable internet → ${nodeName(ctx, to)}`, actual: 'no node outside its VPC and AS originates traffic' }];
  return failed.map((p) => ({ expected: `reachable ${arrow(p)}`, actual: dispositionText(ctx, p.trace), hop: dropHop(p.trace) }));
}

function arrived(ctx: EvalContext, t: FlowTrace, to: NodeId, anyPort: boolean): boolean {
  const d = t.disposition;
  if (d.kind === 'delivered') return true;
  return anyPort && d.reason === 'no-listener' && d.node === hostOf(ctx, to);
}

/** Nodes that hold an address and can send (not switches or processes), outside every VPC and the target's AS. */
function internet(ctx: EvalContext, to: NodeId): NodeId[] {
  const target = ctx.network.nodes[hostOf(ctx, to)];
  return ctx.network.nodes
    .filter((n) => ctx.program.nodes[n.id].nature === 'node' && !n.behaviours.includes('switch') && ctx.dp.addresses[n.id]?.size > 0)
    .filter((n) => n.id !== target.id && n.vpc === null && (target.asn === null || n.asn !== target.asn))
    .map((n) => n.id);
}

function probe(ctx: EvalContext, from: NodeId, to: NodeId, port: Reachable['port']): FlowTrace {
  const span = ctx.program.nodes[to].nameSpan;
  const target: Value = port ? { kind: 'nodePort', node: to, port: { kind: 'port', ...port, portEnd: null, span }, span } : { kind: 'ref', node: to, span };
  const prop = (key: string, value: Value): [string, Prop] => [key, { key, keySpan: span, values: [value], origin: 'decl' }];
  const flow: Program['flows'][number] = {
    name: `${nodeName(ctx, from)} -> ${nodeName(ctx, to)}`,
    nameSpan: span,
    span,
    file: span.file,
    container: null,
    props: new Map([prop('from', { kind: 'ref', node: from, span }), prop('to', target)]),
  };
  return traceFlow(ctx.trace, flow).request;
}
