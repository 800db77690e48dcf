// What each view shows, read from the Diagram (before DOT): clusters, shapes, edges and their labels.
import { describe, expect, test } from 'vitest';
import type { DCluster, Diagram } from '../../src/emit/diagram/graph.js';
import { flowDiagram } from '../../src/emit/diagram/flow.js';
import { diagram, parseView } from '../../src/emit/diagram/index.js';
import { physicalDiagram } from '../../src/emit/diagram/physical.js';
import { routingDiagram } from '../../src/emit/diagram/routing.js';
import { buildDataplane } from '../../src/dataplane/index.js';
import { buildOwners, traceContext, traceFlow } from '../../src/trace/index.js';
import { hopsDoc } from '../../src/emit/hops-doc.js';
import { inputFor } from './helpers.js';

const FLAGSHIP = 'examples/order-from-phone.topo';

/** The clusters enclosing a node, outermost first, by their first label line ('' when unlabelled). */
function clustersOf(d: Diagram, nodeName: string): DCluster[] {
  const id = [...d.nodes.values()].find((n) => n.lines[0].text === nodeName)?.id;
  const path: DCluster[] = [];
  const search = (c: DCluster): boolean => {
    if (c.nodes.includes(id!)) return true;
    for (const child of c.clusters) {
      path.push(child);
      if (search(child)) return true;
      path.pop();
    }
    return false;
  };
  if (!id || !search(d.root)) throw new Error(`${nodeName} is not drawn`);
  return path;
}
const nodeNamed = (d: Diagram, name: string) => [...d.nodes.values()].find((n) => n.lines[0].text === name)!;
const idOf = (d: Diagram, name: string) => nodeNamed(d, name).id;
const labels = (lines: { text: string }[] | undefined) => (lines ?? []).map((l) => l.text).join(' | ');

describe('physical view of the flagship', () => {
  const d = physicalDiagram(inputFor(FLAGSHIP));

  test('a VM sits in its host\'s cluster, inside the AS of the host, and its processes with it', () => {
    const path = clustersOf(d, 'orderdb');
    expect(path[0].lines[0].text).toBe('AS 64520 cloud');
    expect(path.map((c) => c.style)).toEqual(['as', 'domain', 'host', 'processes']);
    const host = path[2];
    expect(host.nodes).toContain(idOf(d, 'hostB'));
    expect(host.clusters.flatMap((c) => c.nodes)).toEqual(expect.arrayContaining([idOf(d, 'controller'), idOf(d, 'dbvm'), idOf(d, 'api')]));
  });

  test('the mobile core is a domain cluster inside the carrier; its border router is not in it', () => {
    const enb = clustersOf(d, 'enb');
    expect(enb.map((c) => c.lines[0]?.text)).toEqual(['AS 64500 carrier', 'mobile']);
    expect(clustersOf(d, 'a2').map((c) => c.lines[0]?.text)).toEqual(['AS 64500 carrier']);
  });

  test('VPC members are filled with their VPC\'s colour, listed in the legend with VNI and subnets', () => {
    const fill = nodeNamed(d, 'haproxy').fill;
    expect(fill).toBeDefined();
    expect(nodeNamed(d, 'gw').fill).toBe(fill);
    expect(nodeNamed(d, 'hostA').fill).toBeUndefined();
    expect(d.legend).toContainEqual({ sample: { fill }, text: 'VPC shop · VNI 5001 · subnet web 192.168.1.0/24' });
  });

  test('shapes come from the kinds', () => {
    expect(nodeNamed(d, 'enb').shape).toBe('triangle');
    expect(nodeNamed(d, 'orderdb').shape).toBe('cylinder');
    expect(nodeNamed(d, 'core').shape).toBe('Msquare');
  });

  test('links carry their subnets and interface addresses; eBGP links are marked', () => {
    const link = d.edges.find((e) => e.tail === idOf(d, 'enb') && e.head === idOf(d, 'sgw') && e.style === 'link')!;
    expect(labels(link.label)).toBe('10.0.1.0/30');
    expect([link.tailLabel, link.headLabel]).toEqual(['.1', '.2']);
    const ebgp = d.edges.find((e) => e.tail === idOf(d, 'a2') && e.head === idOf(d, 'c1'))!;
    expect(ebgp.style).toBe('ebgpLink');
    expect(labels(ebgp.label)).toBe('eBGP | 203.0.113.20/30');
  });

  test('tunnels are labelled with TEIDs and VNIs from the model; sessions and signalling are drawn', () => {
    const input = inputFor(FLAGSHIP);
    const s1u = input.network.tunnels.find((t) => t.type === 'gtpu' && t.name === 'S1-U')!;
    const gtp = d.edges.filter((e) => e.style === 'gtpu').map((e) => labels(e.label));
    expect(gtp).toContain(`GTP-U S1-U | TEID ${s1u.type === 'gtpu' ? `${s1u.uplinkTeid} / ${s1u.downlinkTeid}` : ''}`);
    expect(d.edges.filter((e) => e.style === 'vxlan').map((e) => labels(e.label))).toEqual(['VXLAN VNI 5001', 'VXLAN VNI 5001', 'VXLAN VNI 5001']);
    expect(d.edges.filter((e) => e.style === 'ibgp')).toHaveLength(input.routing.sessions.filter((s) => s.kind === 'ibgp').length);
    expect(d.edges.filter((e) => e.style === 'control').map((e) => [e.tail, e.head])).toEqual([
      [idOf(d, 'enb'), idOf(d, 'mme')],
      [idOf(d, 'mme'), idOf(d, 'hss')],
    ]);
  });
});

test('kinds of one\'s own: shapes, domains and placement decide, not names', () => {
  const d = physicalDiagram(inputFor('test/diagram/fixtures/custom-kinds.topo'));
  expect(nodeNamed(d, 'z1').shape).toBe('septagon');
  expect(nodeNamed(d, 'brew').shape).toBe('star');
  // l1's kind is in another domain than the AS: it gets a domain cluster, with its process beside it.
  expect(clustersOf(d, 'brew').map((c) => c.style)).toEqual(['as', 'domain', 'processes']);
  expect(clustersOf(d, 'brew')[1].lines[0].text).toBe('cloud');
  expect(clustersOf(d, 'z1').map((c) => c.style)).toEqual(['as']);
});

describe('routing view', () => {
  test('providers point at their customers; peers are labelled; prefixes are listed', () => {
    const d = routingDiagram(inputFor('examples/valley-free.topo'));
    const ebgp = d.edges.filter((e) => e.style === 'ebgp');
    const pair = (e: (typeof ebgp)[number]) => `${d.nodes.get(e.tail)!.lines[0].text}->${d.nodes.get(e.head)!.lines[0].text}`;
    expect(ebgp.filter((e) => e.directed).map(pair).sort()).toEqual(['pa->ca', 'pb->cb']);
    expect(labels(ebgp.find((e) => !e.directed)!.label)).toContain('peers');
    expect(labels(nodeNamed(d, 'pa').lines)).toContain('announces 198.51.100.0/24');
    expect(d.nodes.size).toBe(4);
  });

  test('route reflectors point at their clients', () => {
    const d = routingDiagram(inputFor('examples/route-reflector.topo'));
    const fromRr1 = d.edges.filter((e) => e.style === 'ibgp' && e.directed && e.tail === idOf(d, 'rr1')).map((e) => d.nodes.get(e.head)!.lines[0].text);
    expect(fromRr1.sort()).toEqual(['p1', 'pe1', 'pe2']);
  });
});

describe('flow view', () => {
  const input = inputFor(FLAGSHIP, 'flow:order');
  const { program, network, routing } = input;
  const dp = buildDataplane(program, network, routing);
  const { request } = traceFlow(traceContext(program, dp), program.flows.find((f) => f.name === 'order')!);
  const { diagram: d, hops } = flowDiagram(input, request, hopsDoc(program, dp, buildOwners(network), [request]).flows[0]);

  test('every hop of the trace is on an edge labelled with its number', () => {
    expect(hops.map((h) => h.n)).toEqual(request.hops.map((h) => h.index));
    for (const hop of request.hops) {
      const edge = d.edges.find((e) => e.id === hops.find((h) => h.n === hop.index)!.edge)!;
      expect([edge.tail, edge.head]).toEqual([`n${hop.from}`, `n${hop.to}`]);
      expect(edge.label!.filter((l) => l.tone === 'badge').map((l) => l.text)).toContain(String(hop.index));
    }
  });

  test('NAT and encapsulation points are marked on the nodes where they happen', () => {
    expect(nodeNamed(d, 'nat').marks).toEqual(['NAT (hops 7, 16)']);
    expect(nodeNamed(d, 'gw').marks).toEqual(['NAT (hop 21)']);
    expect(nodeNamed(d, 'enb').marks).toEqual(['encap GTP-U (hops 2, 13)']);
    expect(nodeNamed(d, 'pgw').marks).toEqual(['decap GTP-U (hops 4, 15)']);
    expect(nodeNamed(d, 'gwhost').marks).toEqual(['encap VXLAN (hop 22)']);
    expect(nodeNamed(d, 'a2').marks).toBeUndefined();
  });

  test('the DOT of a view is the same bytes every time', () => {
    const view = parseView('flow:order')!;
    expect(diagram(input, view).dot).toBe(diagram(input, view).dot);
  });
});
