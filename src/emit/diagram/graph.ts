// The diagram as data, before it becomes DOT: clusters nested strictly (as Graphviz requires), nodes and
// edges with symbolic styles. Views build a Diagram; dot.ts is the only place that knows DOT syntax.
import { EDGE_LOOKS, EDGE_ORDER, type ClusterStyle, type EdgeStyle } from './style.js';

/** One line of a label. Text is raw (unescaped); dot.ts escapes it. */
export interface Line {
  text: string;
  /**
   * `title`: bold; `small`: a smaller font; `detail`: small and grey; `mark`: small, bold, in the path's
   * colour; `badge`: a hop number. Default: normal.
   */
  tone?: 'title' | 'small' | 'detail' | 'mark' | 'badge';
}

export interface DNode {
  /** A DOT identifier made by the view (`n12`), never user text: it becomes the SVG element's id. */
  id: string;
  lines: Line[];
  /** A Graphviz shape, from the node's kind. */
  shape: string;
  /** Fill colour (e.g. the node's VPC). */
  fill?: string;
  /** What happens to a flow's packets here (NAT, encapsulation): drawn in the path's colour. */
  marks?: string[];
}

export interface DEdge {
  id: string;
  tail: string;
  head: string;
  style: EdgeStyle;
  label?: Line[];
  /** Short labels at the ends (interface addresses). */
  tailLabel?: string;
  headLabel?: string;
  /** Draw an arrowhead at the head (directed relations: reflector → client, a flow's hop). */
  directed?: boolean;
}

export interface DCluster {
  id: string;
  lines: Line[];
  style: ClusterStyle;
  fill?: string;
  nodes: string[];
  clusters: DCluster[];
}

export interface LegendEntry {
  /** An edge style drawn as a short sample line, or a fill colour drawn as a swatch. */
  sample: { edge: EdgeStyle } | { fill: string };
  text: string;
}

export interface Diagram {
  title: string;
  /** The outermost group; its own lines and style are not drawn. */
  root: DCluster;
  nodes: Map<string, DNode>;
  edges: DEdge[];
  legend: LegendEntry[];
}

export function cluster(id: string, style: ClusterStyle, lines: Line[] = [], fill?: string): DCluster {
  return fill === undefined ? { id, lines, style, nodes: [], clusters: [] } : { id, lines, style, fill, nodes: [], clusters: [] };
}

/** An empty diagram: the views add to it. */
export function emptyDiagram(title: string): Diagram {
  return { title, root: cluster('root', 'plain'), nodes: new Map(), edges: [], legend: [] };
}

/** A legend entry for each edge style the diagram uses, in the legend's order. */
export function edgeLegend(d: Diagram): LegendEntry[] {
  const used = new Set(d.edges.map((e) => e.style));
  return EDGE_ORDER.filter((s) => used.has(s)).map((s) => ({ sample: { edge: s }, text: EDGE_LOOKS[s].legend }));
}
