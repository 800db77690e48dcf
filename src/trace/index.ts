// Traces: every flow of a compiled program walked through the data plane, request and reply.
import type { RoutingResult } from '../control/index.js';
import { buildDataplane } from '../dataplane/index.js';
import type { Network } from '../model/types.js';
import type { Program } from '../resolve/program.js';
import type { FlowTrace } from './types.js';
import { traceContext, traceFlow } from './flow.js';

export * from './types.js';
export { traceContext, traceFlow, FIRST_CLIENT_PORT, type TraceContext, type FlowTraces } from './flow.js';
export { buildOwners, ownerOf, type Owners } from './owners.js';
export { traceDiagnostics, REASON_TEXT } from './diagnostics.js';

export function traceFlows(program: Program, net: Network, routing: RoutingResult, direction: FlowTrace['direction'] = 'request'): FlowTrace[] {
  const ctx = traceContext(program, buildDataplane(program, net, routing));
  return program.flows.map((f) => (direction === 'reply' ? traceFlow(ctx, f).reply() : traceFlow(ctx, f).request));
}
