// What a view is drawn from, and the lookups the views share.
import type { RoutingResult } from '../../control/types.js';
import type { Iface, Network, Segment } from '../../model/types.js';
import { valuesOf, type Link, type Node, type NodeId, type Program } from '../../resolve/program.js';
import type { DNode, Line } from './graph.js';

export interface DiagramInput {
  program: Program;
  network: Network;
  routing: RoutingResult;
  /** Shown as the diagram's title (usually the file name and the view). */
  title: string;
}

/** The network model names nodes uniquely (qualified where a simple name repeats); routing results use those names. */
export function idsByName(net: Network): Map<string, NodeId> {
  return new Map(net.nodes.map((n) => [n.name, n.id]));
}

/** The DOT id of a program node. */
export const nodeId = (id: NodeId): string => `n${id}`;

/** The segment a link joins: its own point-to-point segment, or the segment of the switch at one end. */
export function linkSegment(net: Network, link: Link, switchSegments: Map<NodeId, Segment>): Segment | undefined {
  return net.segments.find((s) => s.type === 'link' && s.link === link.id) ?? switchSegments.get(link.ends[0].node) ?? switchSegments.get(link.ends[1].node);
}

export function switchSegments(net: Network): Map<NodeId, Segment> {
  const m = new Map<NodeId, Segment>();
  for (const s of net.segments) for (const sw of s.switches) m.set(sw, s);
  return m;
}

export function ifaceOn(net: Network, node: NodeId, segment: number): Iface | undefined {
  return net.nodes[node].interfaces.map((i) => net.interfaces[i]).find((i) => i.segment === segment);
}

/** An interface address as an end label: the last octet (`.2`) when the subnet is a /24 or smaller. */
export function endLabel(iface: Iface | undefined): string | undefined {
  if (!iface?.address) return undefined;
  return (iface.prefixLength ?? 0) >= 24 ? `.${iface.address.split('.')[3]}` : iface.address;
}

/** A key for an unordered pair of node names (a link and the session over it share it). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** A node drawn with its kind's shape, its name and its kind, then `facts` in a small font. */
export function kindNode(program: Program, net: Network, n: Node, facts: Line[] = []): DNode {
  const kind = n.kind === null ? undefined : program.kinds.get(n.kind);
  const name: Line = { text: net.nodes[n.id].name, tone: 'title' };
  return { id: nodeId(n.id), shape: kind?.shape ?? 'box', lines: [name, { text: n.kind ?? '', tone: 'detail' }, ...facts] };
}

/** An AS is labelled with its ASN; other containers with their kind. */
export function containerLabel(net: Network): (c: Node) => Line[] {
  return (c) => {
    const asn = valuesOf(c.props, 'asn', 'number')[0];
    const what = asn ? `AS ${asn.value}` : c.kind ?? '';
    return [{ text: `${what} ${net.nodes[c.id].name}`, tone: 'title' }];
  };
}
