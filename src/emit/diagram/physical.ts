// The physical view: every node and process in its cluster (AS, domain, host ⊃ VM ⊃ process), physical
// links labelled with their subnets and interface addresses, and over them the BGP sessions, GTP-U and
// VXLAN tunnels, signalling adjacencies and bearers' radio attachments.
import type { Network } from '../../model/types.js';
import { valuesOf, type Node, type NodeId, type Program } from '../../resolve/program.js';
import { edgeLegend, emptyDiagram, type DEdge, type Diagram, type DNode, type Line } from './graph.js';
import { containerLabel, endLabel, idsByName, ifaceOn, kindNode, linkSegment, nodeId, pairKey, switchSegments, type DiagramInput } from './input.js';
import { placeNodes } from './placement.js';
import { vpcFill } from './style.js';

/** Nodes and processes are drawn; containers become clusters; ranges (VPC subnets) are listed in the legend. */
export const isDrawn = (n: Node): boolean => n.kind !== null && (n.nature === 'node' || n.nature === 'process');

export function physicalDiagram(input: DiagramInput): Diagram {
  const { program, network: net } = input;
  const d = emptyDiagram(input.title);
  const fills = vpcFills(program);
  const drawn = new Map<NodeId, DNode>();
  for (const n of program.nodes) {
    if (!isDrawn(n)) continue;
    const node = kindNode(program, net, n, facts(net, n.id));
    const vpc = net.nodes[n.id].vpc;
    if (vpc !== null && fills.has(vpc)) node.fill = fills.get(vpc);
    drawn.set(n.id, node);
  }
  placeNodes(program, d, drawn, containerLabel(net));
  addEdges(input, d);
  d.edges = d.edges.filter((e) => d.nodes.has(e.tail) && d.nodes.has(e.head));
  d.legend = [...edgeLegend(d), ...vpcLegend(program, net, fills)];
  return d;
}

/** What a node's label says besides its name and kind: addresses not shown on a link, NAT rules, ports. */
function facts(net: Network, id: NodeId): Line[] {
  const lines: Line[] = [];
  for (const i of net.nodes[id].interfaces.map((x) => net.interfaces[x])) {
    const seg = net.segments[i.segment];
    if (i.address && seg.type !== 'link' && seg.type !== 'switched') lines.push({ text: `${i.address}/${i.prefixLength}`, tone: 'small' });
  }
  for (const s of net.segments) if (s.switches.includes(id) && s.subnet) lines.push({ text: s.subnet, tone: 'small' });
  // A rule on two lines: one long line would stretch polygon shapes (a trapezium, a triangle) out of shape.
  for (const r of net.nats) {
    if (r.node !== id) continue;
    const [from, to] = r.type === 'napt' ? [`NAPT ${r.inside.join(', ')}`, `→ ${r.pool}`] : [`1:1 NAT ${r.public}`, `→ ${r.private} (${net.nodes[r.target].name})`];
    lines.push({ text: from, tone: 'small' }, { text: to, tone: 'small' });
  }
  const ports = net.listeners.filter((l) => l.process === id).map((l) => `${l.protocol}/${l.port}`);
  if (ports.length > 0) lines.push({ text: ports.join(', '), tone: 'small' });
  return lines;
}

function addEdges(input: DiagramInput, d: Diagram): void {
  const { program, network: net, routing } = input;
  const byName = idsByName(net);
  const switches = switchSegments(net);
  const linkEdges = new Map<string, DEdge>();
  for (const l of program.links) {
    const [a, b] = l.ends.map((e) => e.node);
    const seg = linkSegment(net, l, switches);
    const edge: DEdge = { id: `e_link_${l.id}`, tail: nodeId(a), head: nodeId(b), style: 'link' };
    if (seg) {
      if (seg.type === 'link' && seg.subnet) edge.label = [{ text: seg.subnet }];
      const tail = endLabel(ifaceOn(net, a, seg.id));
      const head = endLabel(ifaceOn(net, b, seg.id));
      if (tail) edge.tailLabel = tail;
      if (head) edge.headLabel = head;
    }
    d.edges.push(edge);
    linkEdges.set(pairKey(net.nodes[a].name, net.nodes[b].name), edge);
  }
  routing.sessions.forEach((s, i) => {
    const onLink = linkEdges.get(pairKey(s.a, s.b));
    if (s.kind === 'ebgp' && s.established && onLink) {
      onLink.style = 'ebgpLink';
      onLink.label = [{ text: 'eBGP', tone: 'title' }, ...(onLink.label ?? [])];
      return;
    }
    const a = byName.get(s.a);
    const b = byName.get(s.b);
    if (a === undefined || b === undefined) return;
    const label: Line[] = s.established ? [] : [{ text: `${s.kind} down${s.reason ? `: ${s.reason}` : ''}` }];
    d.edges.push({ id: `e_session_${i}`, tail: nodeId(a), head: nodeId(b), style: s.established ? s.kind : 'sessionDown', label });
  });
  net.tunnels.forEach((t, i) => {
    const id = `e_tunnel_${i}`;
    if (t.type === 'gtpu') {
      const label: Line[] = [{ text: `GTP-U ${t.name}`, tone: 'title' }, { text: `TEID ${t.uplinkTeid} / ${t.downlinkTeid}` }];
      d.edges.push({ id, tail: nodeId(t.near), head: nodeId(t.far), style: 'gtpu', label });
    } else {
      d.edges.push({ id, tail: nodeId(t.a), head: nodeId(t.b), style: 'vxlan', label: [{ text: `VXLAN VNI ${t.vni}` }] });
    }
  });
  program.controls.forEach((c, i) => {
    d.edges.push({ id: `e_control_${i}`, tail: nodeId(c.ends[0].node), head: nodeId(c.ends[1].node), style: 'control' });
  });
  program.bearers.forEach((b, i) => {
    if (b.via[0]) d.edges.push({ id: `e_bearer_${i}`, tail: nodeId(b.ue.node), head: nodeId(b.via[0].node), style: 'radio' });
  });
  for (const n of program.nodes) {
    if (n.on) d.edges.push({ id: `e_on_${n.id}`, tail: nodeId(n.on.node), head: nodeId(n.id), style: 'placement' });
  }
}

function vpcFills(program: Program): Map<NodeId, string> {
  const vpcs = program.nodes.filter((n) => n.behaviours.has('vpc'));
  return new Map(vpcs.map((v, i) => [v.id, vpcFill(i)]));
}

/** One swatch per VPC: its name, VNI and subnets (VPC clusters cannot hold VMs that sit on shared hosts). */
function vpcLegend(program: Program, net: Network, fills: Map<NodeId, string>): Diagram['legend'] {
  return [...fills].map(([vpc, fill]) => {
    // A VNI the compiler chose shows on the VPC's tunnels; a VPC on one host has none, only its declared one.
    const tunnel = net.tunnels.find((t) => t.type === 'vxlan' && t.vpc === vpc);
    const vni = tunnel?.type === 'vxlan' ? tunnel.vni : valuesOf(program.nodes[vpc].props, 'vni', 'number')[0]?.value;
    const subnets = net.segments.filter((s) => s.type === 'overlay' && s.vpc === vpc).map((s) => `${s.label} ${s.subnet ?? ''}`.trim());
    const parts = [`VPC ${net.nodes[vpc].name}`, ...(vni === undefined ? [] : [`VNI ${vni}`]), ...subnets];
    return { sample: { fill }, text: parts.join(' · ') };
  });
}
