// Traces: a flow walked through the data plane, request and reply, with the owners of its addresses and the
// diagnostics `topo check` reports about it.
export * from './types.js';
export { traceContext, traceFlow, type TraceContext, type FlowTraces } from './flow.js';
export { buildOwners, ownerOf, type Owners } from './owners.js';
export { traceDiagnostics, REASON_TEXT } from './diagnostics.js';
