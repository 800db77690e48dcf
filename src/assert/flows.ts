// Assertions about one declared flow's request: where it is delivered, the nodes it passes, its headers.
import type { FlowTrace, TraceHop } from '../trace/index.js';
import { dispositionText, dropHop, hopWhere, hostOf, nodeName, requestOf, tracePath, type EvalContext, type Failure } from './context.js';
import type { Form } from './forms.js';
import { checkHops, checkRange } from './headers.js';

type FlowForm = Extract<Form, { flow: unknown }>;

export function evalFlowForm(ctx: EvalContext, form: FlowForm): Failure[] {
  const t = requestOf(ctx, form.flow);
  // Paths are the request's: DNS lookups are left out of `path` and `via`, but `not via` covers every hop.
  const requests = { ...t, hops: t.hops.filter((h) => t.segments[h.segment - 1]?.purpose === 'request') };
  switch (form.form) {
    case 'reaches':
      return reaches(ctx, t, form.target.node);
    case 'path':
      return path(ctx, requests, form.nodes.map((n) => hostOf(ctx, n.node)));
    case 'via':
      return form.negated ? notVia(ctx, t, form.nodes.map((n) => hostOf(ctx, n.node))) : via(ctx, requests, form.nodes.map((n) => hostOf(ctx, n.node)));
    case 'headers':
      return headers(ctx, t, form);
  }
}

const names = (ctx: EvalContext, ids: number[]) => ids.map((n) => nodeName(ctx, n)).join(', ');

function reaches(ctx: EvalContext, t: FlowTrace, target: number): Failure[] {
  if (t.segments.some((s) => s.server === target || (s.server !== null && s.serverNode === target))) return [];
  const servers = t.segments.flatMap((s) => (s.server === null ? [] : [nodeName(ctx, s.server)]));
  const actual = t.disposition.kind === 'dropped' ? dispositionText(ctx, t) : `delivered to ${servers.join(', ') || 'no process'}`;
  return [{ expected: `${t.name} reaches ${nodeName(ctx, target)}`, actual, hop: dropHop(t) }];
}

function path(ctx: EvalContext, t: FlowTrace, want: number[]): Failure[] {
  const got = tracePath(t, false);
  if (got.length === want.length && got.every((n, i) => n === want[i])) return [];
  const i = want.findIndex((n, k) => got[k] !== n);
  const at = i < 0 ? got.length : i;
  const differs = at < got.length ? `differs at node ${at + 1} (${nodeName(ctx, got[at])})` : 'ends early';
  return [{ expected: `path ${names(ctx, want)}`, actual: `path ${names(ctx, got)}`, where: `${t.name} ${differs}${t.disposition.kind === 'dropped' ? `; ${dispositionText(ctx, t)}` : ''}` }];
}

function via(ctx: EvalContext, t: FlowTrace, want: number[]): Failure[] {
  const got = tracePath(t, true);
  let k = 0;
  for (const n of got) if (n === want[k]) k++;
  if (k === want.length) return [];
  const missing = nodeName(ctx, want[k]);
  const after = k > 0 ? ` after ${nodeName(ctx, want[k - 1])}` : '';
  const passes = got.includes(want[k]) ? ' (it passes it, but out of order)' : '';
  return [{ expected: `via ${names(ctx, want)}`, actual: `not via ${missing}${after}${passes}`, where: `path ${names(ctx, tracePath(t, false))}`, hop: dropHop(t) }];
}

function notVia(ctx: EvalContext, t: FlowTrace, avoid: number[]): Failure[] {
  return avoid.flatMap((n) => {
    const hop = t.hops.find((h) => h.from === n || h.to === n || h.switches.includes(n));
    return hop ? [{ expected: `not via ${nodeName(ctx, n)}`, actual: `via ${nodeName(ctx, n)}`, where: hopWhere(ctx, t, hop), hop: { trace: t, hop } }] : [];
  });
}

function headers(ctx: EvalContext, t: FlowTrace, form: Extract<Form, { form: 'headers' }>): Failure[] {
  const at = form.at;
  if (at.by === 'flow') return checkRange(ctx, t, t.hops, null, form.checks);
  if (at.by === 'segment') {
    if (at.index > t.segments.length) return [{ expected: `segment ${at.index}`, actual: `${t.name} has ${t.segments.length} segment(s)`, where: dispositionText(ctx, t) }];
    return checkRange(ctx, t, t.hops.filter((h) => h.segment === at.index), at.index, form.checks);
  }
  let hops: TraceHop[];
  if (at.by === 'index') {
    hops = t.hops.slice(at.index - 1, at.index);
    if (hops.length === 0) return [{ expected: `hop ${at.index}`, actual: `${t.name} has ${t.hops.length} hop(s)`, where: dispositionText(ctx, t), hop: dropHop(t) }];
  } else {
    // The request's own connections: a DNS query crossing the same wire carries other headers.
    const requests = new Set(t.segments.filter((s) => s.purpose === 'request').map((s) => s.index));
    hops = t.hops.filter((h) => h.from === at.from.node && h.to === at.to.node && requests.has(h.segment));
    if (hops.length === 0) {
      const wire = `${nodeName(ctx, at.from.node)} → ${nodeName(ctx, at.to.node)}`;
      return [{ expected: `a hop ${wire}`, actual: `no hop ${wire}`, where: `path ${names(ctx, tracePath(t, false))}`, hop: dropHop(t) }];
    }
  }
  return checkHops(ctx, t, hops, form.checks);
}
