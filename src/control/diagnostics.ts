// Control-plane findings as diagnostics, each pointed at the declaration a user would change.
import { diag, type Diagnostic, type Related } from '../diagnostics/diagnostic.js';
import { routingCodes as codes } from '../diagnostics/codes/routing.js';
import type { Span } from '../diagnostics/span.js';
import type { Network } from '../model/types.js';
import type { NodeId, Program } from '../resolve/program.js';
import { values } from '../resolve/program.js';
import { formatIp } from '../model/ipv4.js';
import type { Finding, RoutingResult } from './types.js';

export function routingDiagnostics(program: Program, net: Network, result: RoutingResult): Diagnostic[] {
  const idOf = new Map(net.nodes.map((n) => [n.name, n.id]));
  const node = (name: string) => program.nodes[idOf.get(name)!];
  const out: Diagnostic[] = [];
  for (const s of result.sessions) {
    if (s.established) continue;
    const a = idOf.get(s.a)!;
    const b = idOf.get(s.b)!;
    const link = program.links.find((l) => sameEnds(l.ends[0].node, l.ends[1].node, a, b));
    const span = link?.span ?? node(s.a).nameSpan;
    const related: Related[] = link ? [] : [{ span: node(s.b).nameSpan, label: `the other end, ${s.b}` }];
    out.push(diag(codes.sessionDown, span, { kind: s.kind, a: s.a, b: s.b, reason: s.reason ?? 'unknown' }, { related }));
  }
  for (const f of result.findings) {
    const d = findingDiagnostic(program, f, node);
    if (d) out.push(d);
  }
  return out;
}

function findingDiagnostic(program: Program, f: Finding, node: (name: string) => Program['nodes'][number]): Diagnostic | null {
  const others = (names: string[], label: string): Related[] => names.map((n) => ({ span: node(n).nameSpan, label }));
  const prefix = f.prefixes[0] ?? '';
  switch (f.code) {
    case 'forwarding-loop':
      return diag(codes.forwardingLoop, node(f.nodes[0]).nameSpan, { prefix, cycle: [...f.nodes, f.nodes[0]].join(' → ') }, {
        label: `forwards ${prefix} to ${f.nodes[1 % f.nodes.length]}`,
        related: others(f.nodes.slice(1), 'part of the loop'),
      });
    case 'black-hole': {
      const [at, ...from] = f.nodes;
      const nullRoute = f.message.includes('null route');
      const why = nullRoute ? 'discards it (null route)' : 'has no route for it';
      const label = nullRoute ? `null-routes ${prefix}` : `no route to ${prefix}`;
      return diag(codes.blackHole, node(at).nameSpan, { prefix, at, why, from: from.join(', ') }, { label });
    }
    case 'prefix-unreachable': {
      const cut = /has no route in (.*)$/.exec(f.message)?.[1] ?? 'some AS';
      return diag(codes.prefixUnreachable, announceSpan(program, f.nodes.map(node), prefix), { prefix, by: f.nodes.join(', '), cut }, { label: 'announced here' });
    }
    case 'unresolvable-next-hop': {
      const hop = /next hop (\S+)/.exec(f.message)?.[1] ?? '?';
      const n = node(f.nodes[0]);
      const route = values(n.props, 'route').find((v) => v.kind === 'arrow' && v.to.kind === 'ip' && formatIp(v.to.addr) === hop);
      const at = route?.kind === 'arrow' ? route.to.span : n.nameSpan;
      return diag(codes.unresolvableNextHop, at, { node: n.name, hop, prefixes: f.prefixes.join(', ') }, { label: `not reachable from ${n.name}` });
    }
    case 'oscillation':
      return diag(codes.oscillation, node(f.nodes[0]).nameSpan, { prefix, routers: f.nodes.join(', ') }, { related: others(f.nodes.slice(1), 'also oscillating') });
    case 'session-down':
      return null; // reported from the session states, which know the link
  }
}

/** Where a prefix is announced: the router's own `announce`, else its AS's. */
function announceSpan(program: Program, origins: Program['nodes'], prefix: string): Span {
  for (const o of origins) {
    for (let c: NodeId | null = o.id; c !== null; c = program.nodes[c].container) {
      const v = values(program.nodes[c].props, 'announce').find((x) => x.kind === 'prefix' && `${formatIp(x.addr)}/${x.len}` === prefix);
      if (v) return v.span;
    }
  }
  return origins[0].nameSpan;
}

function sameEnds(x: NodeId, y: NodeId, a: NodeId, b: NodeId): boolean {
  return (x === a && y === b) || (x === b && y === a);
}
