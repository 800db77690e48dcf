// Flow problems that are problems of the file: a request that cannot reach its service, a path MTU below
// what the client declares. Replies are not diagnosed: `topo hops --reply` shows them.
import type { RoutingResult } from '../control/index.js';
import { buildDataplane, type DropReason } from '../dataplane/index.js';
import { dataplaneCodes as codes } from '../diagnostics/codes/dataplane.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Network } from '../model/types.js';
import type { Program } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';
import { traceContext, traceFlow } from './flow.js';

/** How each drop reason reads in messages and tables. */
export const REASON_TEXT: Record<DropReason, string> = {
  'no-route': 'no route',
  'null-route': 'null route',
  'ttl-exceeded': 'TTL exceeded',
  'arp-failure': 'ARP failure',
  'no-nat-mapping': 'no NAT mapping',
  'no-listener': 'no listener',
  'no-tunnel': 'no tunnel',
  'mtu-exceeded': 'MTU exceeded',
  loop: 'loop',
  'unresolved-name': 'unresolved name',
};

export function traceDiagnostics(program: Program, net: Network, routing: RoutingResult): Diagnostic[] {
  if (program.flows.length === 0) return [];
  const ctx = traceContext(program, buildDataplane(program, net, routing));
  const out: Diagnostic[] = [];
  for (const flow of program.flows) {
    const { request } = traceFlow(ctx, flow);
    const d = request.disposition;
    if (d.kind === 'dropped') {
      const node = program.nodes[d.node];
      out.push(diag(codes.flowDropped, flow.nameSpan, { flow: flow.name, node: net.nodes[d.node].name, reason: REASON_TEXT[d.reason], detail: d.detail }, {
        label: `dropped at ${net.nodes[d.node].name}${d.hop === null ? '' : ` after hop ${d.hop}`}`,
        related: [{ span: node.nameSpan, label: `${REASON_TEXT[d.reason]} here` }],
      }));
    }
    for (const s of request.segments) {
      const mtu = valuesOf(program.nodes[s.client].props, 'mtu', 'quantity')[0];
      if (!mtu || s.pathMtu === null || s.pathMtu >= mtu.base) continue;
      const server = s.server === null ? net.nodes[s.serverNode ?? s.client].name : program.nodes[s.server].name;
      out.push(diag(codes.pathMtuBelowDeclared, mtu.span, { flow: flow.name, client: net.nodes[s.client].name, server, pathMtu: s.pathMtu, mtu: mtu.base }, {
        label: `path MTU is ${s.pathMtu} B`,
        related: [{ span: flow.nameSpan, label: `flow ${flow.name}` }],
      }));
    }
  }
  return out;
}
