// How each kind of edge and cluster looks, and what the legend says about it. Styles are chosen so that
// they stay distinguishable in greyscale too: tunnels dashed, sessions dotted, physical links solid.

export type EdgeStyle =
  | 'link'
  | 'igp'
  | 'ebgpLink'
  | 'ebgp'
  | 'ibgp'
  | 'sessionDown'
  | 'gtpu'
  | 'vxlan'
  | 'control'
  | 'radio'
  | 'placement'
  | 'hop';

export type ClusterStyle = 'plain' | 'as' | 'vpc' | 'domain' | 'host' | 'processes' | 'legend';

/** DOT attributes: strings are quoted by dot.ts, numbers written bare. Values here are constants, not user text. */
export type Attrs = Record<string, string | number>;

interface EdgeLook {
  attrs: Attrs;
  legend: string;
}

const BLUE = '#1f5fbf';
const GREEN = '#2e8b57';
const ORANGE = '#d9730d';
const PURPLE = '#7b3fa0';
const BROWN = '#a0522d';
export const HOP_COLOUR = '#d7191c';

// Overlay edges (sessions, tunnels, signalling) do not constrain the ranks: the layout follows the
// physical links, and the overlays are drawn over it.
const overlay: Attrs = { constraint: 'false' };

export const EDGE_LOOKS: Record<EdgeStyle, EdgeLook> = {
  link: { attrs: { color: '#444444' }, legend: 'physical link (subnet; interface addresses at the ends)' },
  igp: { attrs: { color: '#444444' }, legend: 'IGP link between routers of one AS (cost)' },
  ebgpLink: { attrs: { color: BLUE, penwidth: 2.2 }, legend: 'physical link carrying an eBGP session' },
  ebgp: { attrs: { color: BLUE, penwidth: 2.2 }, legend: 'eBGP session' },
  ibgp: { attrs: { ...overlay, color: GREEN, style: 'dotted', penwidth: 1.6 }, legend: 'iBGP session (arrow: route reflector → client)' },
  sessionDown: { attrs: { ...overlay, color: HOP_COLOUR, style: 'dotted', penwidth: 1.6 }, legend: 'BGP session that is not established' },
  gtpu: { attrs: { ...overlay, color: ORANGE, style: 'dashed', penwidth: 1.6 }, legend: 'GTP-U tunnel (TEID uplink / downlink)' },
  // VXLAN tunnels do rank their hosts (a staircase of hosts): as overlays, Graphviz 2.43 fails with
  // "trouble in init_rank" on large networks whose host clusters they join.
  vxlan: { attrs: { color: PURPLE, style: 'dashed', penwidth: 1.6 }, legend: 'VXLAN tunnel (VNI)' },
  control: { attrs: { ...overlay, color: BROWN, style: 'dotted', penwidth: 1.4 }, legend: 'signalling adjacency (no user traffic)' },
  radio: { attrs: { color: '#777777', style: 'tapered', penwidth: 3 }, legend: 'radio attachment of a bearer' },
  placement: { attrs: { color: '#aaaaaa', penwidth: 0.6, weight: 4 }, legend: 'runs on' },
  hop: { attrs: { color: HOP_COLOUR, penwidth: 3, fontcolor: HOP_COLOUR, constraint: 'false' }, legend: "the flow's path: hops numbered as in topo hops; where NAT and encapsulation happen is marked in red" },
};

/** The order legends list edge styles in. */
export const EDGE_ORDER: readonly EdgeStyle[] = [
  'hop', 'link', 'igp', 'ebgpLink', 'ebgp', 'ibgp', 'sessionDown', 'gtpu', 'vxlan', 'control', 'radio', 'placement',
];

export const CLUSTER_LOOKS: Record<ClusterStyle, Attrs> = {
  plain: {},
  as: { style: 'rounded', color: '#5b7fa6', penwidth: 1.4 },
  vpc: { style: 'rounded,dashed', color: PURPLE },
  domain: { style: 'rounded,dashed', color: '#999999' },
  host: { style: 'filled,rounded', fillcolor: '#eeeeee', color: '#bbbbbb' },
  processes: { style: 'rounded,dotted', color: '#aaaaaa' },
  legend: { style: 'rounded', color: '#cccccc' },
};

/** Pale fills, one per VPC in declaration order (cycled), so that a VM's tenant shows at a glance. */
const VPC_FILLS = ['#e5d8f0', '#d8ecd8', '#f6e3c8', '#d6e6f5', '#f3d6dc', '#e8ecc9'];

export function vpcFill(index: number): string {
  return VPC_FILLS[index % VPC_FILLS.length];
}
