// Routing assertions. `route N P via M` is about forwarding: the next hop in N's FIB for P (after recursive
// resolution), which is what a packet does; `as_path` reads N's best BGP route for exactly P.
import { lookupFib, type FibEntry } from '../control/index.js';
import { hostOf, nodeName, type EvalContext, type Failure } from './context.js';
import type { Form } from './forms.js';

export function evalSession(ctx: EvalContext, form: Extract<Form, { form: 'session' }>): Failure[] {
  const [a, b] = [nodeName(ctx, form.a.node), nodeName(ctx, form.b.node)];
  const expected = `session ${a} -- ${b} established`;
  const s = ctx.routing.sessions.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
  if (!s) {
    const others = ctx.routing.sessions.filter((x) => x.a === a || x.b === a).map((x) => (x.a === a ? x.b : x.a));
    return [{ expected, actual: `no BGP session between ${a} and ${b}`, where: `${a}'s sessions: ${others.join(', ') || 'none'}` }];
  }
  return s.established ? [] : [{ expected, actual: `${s.kind} session not established: ${s.reason ?? 'down'}` }];
}

export function evalRoute(ctx: EvalContext, form: Extract<Form, { form: 'route' }>): Failure[] {
  const node = nodeName(ctx, hostOf(ctx, form.node.node));
  const prefix = form.prefix.text;
  const routes = ctx.routing.nodes[node];
  const subject = `route ${node} ${prefix}`;
  if (!routes) return [{ expected: subject, actual: `${node} has no routing table` }];
  if (form.asPath) {
    const best = routes.rib.find((r) => r.prefix === prefix && r.best);
    const expected = `${subject} as_path ${form.asPath.join(' ') || '(empty)'}`;
    if (!best) return [{ expected, actual: `no best route to ${prefix}` }];
    const same = best.asPath.length === form.asPath.length && best.asPath.every((x, i) => x === form.asPath![i]);
    const from = best.peer ? `learned from ${best.peer}` : 'originated here';
    return same ? [] : [{ expected, actual: `as_path ${best.asPath.join(' ') || '(empty)'}`, where: `${best.protocol} best route, ${from}` }];
  }
  const entry = routes.fib.find((f) => f.prefix === prefix) ?? lookupFib(routes.fib, prefix.slice(0, prefix.indexOf('/')));
  if (!form.via) return entry && entry.action !== 'drop' ? [] : [{ expected: subject, actual: entry ? `${entry.prefix} is a null route` : `no route to ${prefix}` }];
  const via = nodeName(ctx, hostOf(ctx, form.via.node));
  const expected = `${subject} via ${via}`;
  if (entry?.action === 'forward' && entry.nextHopNode === via) return [];
  return [{ expected, actual: entry ? `via ${entry.nextHopNode ?? entry.action}` : `no route to ${prefix}`, where: entry ? fibText(entry) : undefined }];
}

function fibText(e: FibEntry): string {
  const how = e.action === 'forward' ? `${e.nextHop ?? 'direct'}${e.interface ? ` (${e.interface})` : ''}` : e.action;
  return `FIB ${e.prefix} → ${how}`;
}
