// `topo diagram`: a view of a compiled program as DOT, SVG or a self-contained HTML page.
import { buildDataplane } from '../../dataplane/index.js';
import { buildOwners, traceContext, traceFlow } from '../../trace/index.js';
import { hopsDoc } from '../hops-doc.js';
import { toDot } from './dot.js';
import { flowDiagram } from './flow.js';
import type { HopRow } from './html.js';
import type { DiagramInput } from './input.js';
import { physicalDiagram } from './physical.js';
import { routingDiagram } from './routing.js';

export type { DiagramInput } from './input.js';

export type View = { type: 'physical' } | { type: 'routing' } | { type: 'flow'; flow: string };

/** `physical`, `routing` or `flow:NAME`; null for anything else. */
export function parseView(text: string): View | null {
  if (text === 'physical' || text === 'routing') return { type: text };
  const m = /^flow:(.+)$/s.exec(text);
  return m ? { type: 'flow', flow: m[1] } : null;
}

export function viewName(view: View): string {
  return view.type === 'flow' ? `flow ${view.flow}` : view.type;
}

export interface DiagramOutput {
  dot: string;
  /** The flow view's hops, for the HTML page's table. */
  hops?: HopRow[];
}

/** The view as DOT. A flow view of a flow the program does not declare throws (the CLI checks first). */
export function diagram(input: DiagramInput, view: View): DiagramOutput {
  if (view.type === 'physical') return { dot: toDot(physicalDiagram(input)) };
  if (view.type === 'routing') return { dot: toDot(routingDiagram(input)) };
  const flow = input.program.flows.find((f) => f.name === view.flow);
  if (!flow) throw new Error(`no flow named ${view.flow}`);
  const { program, network, routing } = input;
  const dp = buildDataplane(program, network, routing);
  const { request } = traceFlow(traceContext(program, dp), flow);
  const doc = hopsDoc(program, dp, buildOwners(network), [request]).flows[0];
  const { diagram: d, hops } = flowDiagram(input, request, doc);
  return { dot: toDot(d), hops };
}

export function diagramDot(input: DiagramInput, view: View): string {
  return diagram(input, view).dot;
}
