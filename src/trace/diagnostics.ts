// Flow problems that are problems of the file: a request that cannot reach its service, a reply that cannot
// come back (the client never gets its answer), a path MTU below what the client declares.
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
    const traces = traceFlow(ctx, flow);
    const { request } = traces;
    const d = request.disposition;
    const reply = d.kind === 'delivered' ? traces.reply().disposition : null;
    for (const [code, dropped, way] of [[codes.flowDropped, d, 'dropped'], [codes.replyDropped, reply, 'reply dropped']] as const) {
      if (dropped?.kind !== 'dropped') continue;
      const at = net.nodes[dropped.node].name;
      out.push(diag(code, flow.nameSpan, { flow: flow.name, node: at, reason: REASON_TEXT[dropped.reason], detail: dropped.detail }, {
        label: `${way} at ${at}${dropped.hop === null ? '' : ` after hop ${dropped.hop}`}`,
        related: [{ span: program.nodes[dropped.node].nameSpan, label: `${REASON_TEXT[dropped.reason]} here` }],
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
