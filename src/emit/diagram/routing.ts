// The routing view: the BGP speakers in their ASes, the sessions between them (eBGP drawn from provider to
// customer, so that providers rank above their customers; iBGP from route reflector to client), the IGP
// links inside each AS with their costs, and the prefixes each router originates.
import type { SessionState } from '../../control/types.js';
import type { Network } from '../../model/types.js';
import { valuesOf, type Link, type NodeId, type Program } from '../../resolve/program.js';
import { edgeLegend, emptyDiagram, type DEdge, type Diagram, type DNode, type Line } from './graph.js';
import { containerLabel, idsByName, kindNode, nodeId, pairKey, type DiagramInput } from './input.js';
import { placeNodes } from './placement.js';

/** Routers inside an autonomous system: the nodes that speak BGP. */
function bgpSpeakers(net: Network): NodeId[] {
  return net.nodes.filter((n) => n.asn !== null && n.behaviours.includes('router')).map((n) => n.id);
}

export function routingDiagram(input: DiagramInput): Diagram {
  const { program, network: net, routing } = input;
  const d = emptyDiagram(input.title);
  const speakers = new Set(bgpSpeakers(net));
  const drawn = new Map<NodeId, DNode>();
  for (const id of speakers) drawn.set(id, kindNode(program, net, program.nodes[id], routerFacts(input, id)));
  placeNodes(program, d, drawn, containerLabel(net));

  const linksByPair = new Map<string, Link>();
  for (const l of program.links) linksByPair.set(pairKey(net.nodes[l.ends[0].node].name, net.nodes[l.ends[1].node].name), l);
  const byName = idsByName(net);
  const ebgpPairs = new Set<string>();
  routing.sessions.forEach((s, i) => {
    const a = byName.get(s.a);
    const b = byName.get(s.b);
    if (a === undefined || b === undefined) return;
    if (s.kind === 'ebgp') ebgpPairs.add(pairKey(s.a, s.b));
    d.edges.push(sessionEdge(program, s, i, a, b, linksByPair.get(pairKey(s.a, s.b))));
  });
  for (const l of program.links) {
    const [a, b] = l.ends.map((e) => e.node);
    if (!speakers.has(a) || !speakers.has(b) || ebgpPairs.has(pairKey(net.nodes[a].name, net.nodes[b].name))) continue;
    const cost = valuesOf(l.props, 'cost', 'number')[0]?.value ?? 1;
    d.edges.push({ id: `e_link_${l.id}`, tail: nodeId(a), head: nodeId(b), style: 'igp', label: [{ text: `cost ${cost}` }] });
  }
  d.legend = edgeLegend(d);
  return d;
}

/** Role flags and the prefixes the router originates (its best BGP routes learned from no peer). */
function routerFacts(input: DiagramInput, id: NodeId): Line[] {
  const { program, network: net, routing } = input;
  const lines: Line[] = [];
  if (valuesOf(program.nodes[id].props, 'route_reflector', 'flag').length > 0) lines.push({ text: 'route reflector', tone: 'small' });
  const rib = routing.nodes[net.nodes[id].name]?.rib ?? [];
  for (const r of rib) if (r.protocol === 'bgp' && r.best && r.peer === null) lines.push({ text: `announces ${r.prefix}`, tone: 'small' });
  return lines;
}

function sessionEdge(program: Program, s: SessionState, index: number, a: NodeId, b: NodeId, link: Link | undefined): DEdge {
  const label: Line[] = s.established ? [] : [{ text: `${s.kind} down${s.reason ? `: ${s.reason}` : ''}` }];
  // The directed end first: the provider of an eBGP session, the reflector of an iBGP one.
  let first: NodeId | undefined;
  if (s.kind === 'ebgp') {
    first = link ? valuesOf(link.props, 'provider', 'ref')[0]?.node : undefined;
    const peer = link ? valuesOf(link.props, 'peer', 'flag').length > 0 : false;
    label.unshift({ text: 'eBGP', tone: 'title' }, ...(peer ? [{ text: 'peers' }] : []), ...(first === undefined ? [] : [{ text: 'provider → customer', tone: 'small' as const }]));
  } else {
    const reflects = (rr: NodeId, client: NodeId) =>
      valuesOf(program.nodes[rr].props, 'route_reflector', 'flag').length > 0 && valuesOf(program.nodes[rr].props, 'clients', 'ref').some((v) => v.node === client);
    first = reflects(a, b) ? a : reflects(b, a) ? b : undefined;
  }
  const [tail, head] = first === b ? [b, a] : [a, b];
  return { id: `e_session_${index}`, tail: nodeId(tail), head: nodeId(head), style: s.established ? s.kind : 'sessionDown', label, directed: first !== undefined };
}
