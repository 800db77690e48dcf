// The flow view: the physical view with a flow's request path drawn over it. Each hop keeps the number the
// trace gives it (the numbers `topo hops` prints); hops between the same two nodes share one edge labelled
// with all their numbers. Nodes where the packet is NAT-ed or (de)encapsulated are marked, as found by
// comparing each hop's header stack with the previous hop's of the same connection.
import type { Header, Packet } from '../../dataplane/packet.js';
import type { FlowTrace, TraceHop } from '../../trace/types.js';
import type { FlowDoc } from '../hops-doc.js';
import { hopTable, hopTitle } from '../hops-table.js';
import { edgeLegend, type DEdge, type Diagram, type Line } from './graph.js';
import type { HopRow } from './html.js';
import { nodeId, type DiagramInput } from './input.js';
import { physicalDiagram } from './physical.js';
import type { EdgeStyle } from './style.js';

/** Overlays that say nothing about a packet's path; the flow view leaves them out to keep the path legible. */
const HIDDEN: ReadonlySet<EdgeStyle> = new Set(['ibgp', 'sessionDown', 'control']);

export interface FlowDiagram {
  diagram: Diagram;
  hops: HopRow[];
}

/** `doc` is the same trace as `topo hops` documents it: the HTML view shows its header tables. */
export function flowDiagram(input: DiagramInput, trace: FlowTrace, doc: FlowDoc): FlowDiagram {
  const d = physicalDiagram(input);
  d.edges = d.edges.filter((e) => !HIDDEN.has(e.style));
  const edgeOf = new Map<string, DEdge>();
  const hops: HopRow[] = [];
  for (const hop of trace.hops) {
    const key = `${hop.from}>${hop.to}`;
    let edge = edgeOf.get(key);
    if (!edge) {
      edge = { id: `hop_${hop.index}`, tail: nodeId(hop.from), head: nodeId(hop.to), style: 'hop', label: takeTunnelLabel(d, hop), directed: true };
      edgeOf.set(key, edge);
      d.edges.push(edge);
    }
    edge.label!.push({ text: String(hop.index), tone: 'badge' });
    const hopDoc = doc.hops[hops.length];
    const title = hopTitle(hopDoc, doc.segments.find((s) => s.index === hopDoc.segment));
    hops.push({ n: hop.index, edge: edge.id, title, from: hopDoc.from, to: hopDoc.to, changes: hopDoc.changes, stack: hopTable(hopDoc) });
  }
  markChanges(d, trace.hops);
  d.legend = [...edgeLegend(d), ...d.legend.filter((l) => 'fill' in l.sample)];
  return { diagram: d, hops };
}

/**
 * A hop through a tunnel is drawn instead of the tunnel's edge, with the tunnel's label: two labelled
 * edges between the same nodes would have their labels drawn over each other when the nodes share a rank.
 */
function takeTunnelLabel(d: Diagram, hop: TraceHop): Line[] {
  const ends = new Set([nodeId(hop.from), nodeId(hop.to)]);
  const at = d.edges.findIndex((e) => (e.style === 'gtpu' || e.style === 'vxlan') && ends.has(e.tail) && ends.has(e.head) && e.tail !== e.head);
  if (at < 0) return [];
  const [tunnel] = d.edges.splice(at, 1);
  return tunnel.label ?? [];
}

const TUNNEL_NAMES: Partial<Record<Header['proto'], string>> = { gtpu: 'GTP-U', vxlan: 'VXLAN' };

const tunnels = (p: Packet): Header[] => p.headers.filter((h) => h.proto === 'gtpu' || h.proto === 'vxlan');

/** The end-to-end addresses and ports: the innermost IPv4 header and the transport header after it. */
function endToEnd(p: Packet): string {
  const hs = p.headers;
  let i = hs.length - 1;
  while (i >= 0 && hs[i].proto !== 'ipv4') i--;
  return hs.slice(Math.max(i, 0)).map((h) => (h.proto === 'ipv4' || h.proto === 'udp' || h.proto === 'tcp' ? `${h.src}>${h.dst}` : '')).join('|');
}

/** What the sender of `hop` did to the packet, compared with the packet it received (`before`). */
function changesAt(before: Packet | undefined, hop: TraceHop): string[] {
  const marks: string[] = [];
  const [was, now] = [before ? tunnels(before) : [], tunnels(hop.packet)];
  const name = (hs: Header[]) => TUNNEL_NAMES[hs[0]?.proto] ?? 'tunnel';
  if (now.length > was.length) marks.push(`encap ${name(now)}`);
  else if (now.length < was.length) marks.push(`decap ${name(was)}`);
  else if (now.length > 0 && JSON.stringify(now) !== JSON.stringify(was)) marks.push(`${name(now)} relay`);
  if (before && endToEnd(before) !== endToEnd(hop.packet)) marks.push('NAT');
  return marks;
}

/** Adds `marks` (as labelled lines) to the nodes that change packets, with the hops where they do. */
function markChanges(d: Diagram, hops: readonly TraceHop[]): void {
  const bySender = new Map<number, Map<string, number[]>>();
  const lastOfSegment = new Map<number, Packet>();
  for (const hop of hops) {
    for (const mark of changesAt(lastOfSegment.get(hop.segment), hop)) {
      const marks = bySender.get(hop.from) ?? bySender.set(hop.from, new Map()).get(hop.from)!;
      (marks.get(mark) ?? marks.set(mark, []).get(mark)!).push(hop.index);
    }
    lastOfSegment.set(hop.segment, hop.packet);
  }
  for (const [sender, marks] of bySender) {
    const node = d.nodes.get(nodeId(sender));
    if (!node) continue;
    node.marks = [...marks].map(([mark, at]) => `${mark} (hop${at.length > 1 ? 's' : ''} ${at.join(', ')})`);
  }
}
