// `topo diagram`: a view of a compiled program as DOT, SVG or a self-contained HTML page.
import { toDot } from './dot.js';
import type { Diagram } from './graph.js';
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

export function buildDiagram(input: DiagramInput, view: View): Diagram {
  if (view.type === 'routing') return routingDiagram(input);
  return physicalDiagram(input);
}

export function diagramDot(input: DiagramInput, view: View): string {
  return toDot(buildDiagram(input, view));
}
