import type { Span } from '../diagnostics/span.js';
import type { Link, NodeId, PrefixValue, Program } from '../resolve/program.js';
import { firstOf, NONE } from '../resolve/program.js';

/** One subnet a node is attached to: a point-to-point link, a switch segment, or a VPC subnet. */
export interface Attachment {
  /** Identifies the L2/L3 domain (for duplicate address and MAC checks). */
  readonly domain: number;
  /** How messages name the domain: "link pgw -- nat", "the segment of switch core", "subnet web". */
  readonly label: string;
  /** The declared subnet, or null when it will be assigned from a link pool. */
  readonly subnet: PrefixValue | null;
}

type DomainKind = 'link' | 'segment' | 'subnet';
const DOMAIN_KINDS: readonly DomainKind[] = ['link', 'segment', 'subnet'];

/** An attachment whose label is built only when a message needs it (there is one per link). */
class Attached implements Attachment {
  readonly domain: number;

  constructor(private readonly program: Program, private readonly kind: DomainKind, private readonly id: number, readonly subnet: PrefixValue | null) {
    this.domain = id * DOMAIN_KINDS.length + DOMAIN_KINDS.indexOf(kind);
  }

  get label(): string {
    const { program, id } = this;
    switch (this.kind) {
      case 'link': return `link ${linkName(program, program.links[id])}`;
      case 'segment': return `the segment of switch ${program.nodes[id].name}`;
      case 'subnet': return `subnet ${program.nodes[id].name}`;
    }
  }
}

export interface L2 {
  isSwitch(node: NodeId): boolean;
  /** The subnets a node is attached to, in link order; made when asked (few nodes declare an address or MAC). */
  attachmentsOf(node: NodeId): readonly Attachment[];
  /** Per switch, the representative switch of its segment. */
  segmentOf: Map<NodeId, NodeId>;
  /** Per segment representative, its switches in declaration order. */
  segments: Map<NodeId, NodeId[]>;
  /** Per link id, the link's own `subnet` (read once here: three checks ask for every link's). */
  linkSubnets: readonly (PrefixValue | undefined)[];
}

const cache = new WeakMap<Program, L2>();

/** Segments (switches joined by links, union-find) and each node's links; computed once per program. */
export function l2(program: Program): L2 {
  const hit = cache.get(program);
  if (hit) return hit;
  const { nodes, links } = program;
  // One flag per node id: asked four times per link.
  const switches = new Uint8Array(nodes.length);
  for (let id = 0; id < nodes.length; id++) if (nodes[id].behaviours.has('switch')) switches[id] = 1;
  const isSwitch = (id: NodeId) => switches[id] === 1;
  const { segmentOf, segments } = switchSegments(links, switches);
  const linkSubnets = links.map((link) => firstOf(link.props, 'subnet', 'prefix'));
  // One attachment per segment, shared by every node linked to it (its subnet is a search of its switches).
  const segmentAttachments = new Map<NodeId, Attached>();
  const segmentAttachment = (root: NodeId): Attached => {
    let a = segmentAttachments.get(root);
    if (!a) segmentAttachments.set(root, (a = new Attached(program, 'segment', root, segmentSubnet(program, segments.get(root)!) ?? null)));
    return a;
  };
  const { first, linksOf } = attachingLinks(program, switches);

  const attachmentsOf = (id: NodeId): readonly Attachment[] => {
    const list: Attachment[] = [];
    for (let i = first[id]; i < first[id + 1]; i++) {
      const link = links[linksOf[i]];
      const a = link.ends[0].node;
      const b = link.ends[1].node;
      const sw = switches[a] ? a : switches[b] ? b : null;
      // A node linked to a switch is attached to the switch's segment; the switch itself is not.
      if (sw === null) attach(list, new Attached(program, 'link', link.id, linkSubnets[link.id] ?? null));
      else if (sw !== id) attach(list, segmentAttachment(segmentOf.get(sw)!));
    }
    const placed = nodes[id].in;
    if (placed) {
      const cidr = firstOf(nodes[placed.node].props, 'cidr', 'prefix');
      if (cidr) attach(list, new Attached(program, 'subnet', placed.node, cidr));
    }
    return list.length === 0 ? NONE : list;
  };
  const result = { isSwitch, attachmentsOf, segmentOf, segments, linkSubnets };
  cache.set(program, result);
  return result;
}

/** Add an attachment unless the list has its domain already (two links to one switch are one attachment). */
function attach(list: Attachment[], a: Attachment): void {
  for (let i = 0; i < list.length; i++) if (list[i].domain === a.domain) return;
  list.push(a);
}

/** Union-find over the links between two switches; a segment's representative is its smallest switch id. */
function switchSegments(links: readonly Link[], switches: Uint8Array): Pick<L2, 'segmentOf' | 'segments'> {
  const parent = new Int32Array(switches.length);
  for (let id = 0; id < parent.length; id++) parent[id] = id;
  for (let i = 0; i < links.length; i++) {
    const a = links[i].ends[0].node;
    const b = links[i].ends[1].node;
    if (switches[a] && switches[b]) {
      const ra = find(parent, a);
      const rb = find(parent, b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
  const segments = new Map<NodeId, NodeId[]>();
  const segmentOf = new Map<NodeId, NodeId>();
  for (let id = 0; id < switches.length; id++) {
    if (!switches[id]) continue;
    const root = find(parent, id);
    segmentOf.set(id, root);
    const list = segments.get(root);
    if (list) list.push(id); else segments.set(root, [id]);
  }
  return { segmentOf, segments };
}

/** The root of `x`'s set, compressing the path to it. */
function find(parent: Int32Array, x: number): number {
  let root = x;
  while (parent[root] !== root) root = parent[root];
  while (x !== root) {
    const next = parent[x];
    parent[x] = root;
    x = next;
  }
  return root;
}

/**
 * Per node, the links that attach it to a subnet (not those between two switches), in link order:
 * node `id`'s are `linksOf[first[id]]` to `linksOf[first[id + 1] - 1]`.
 */
function attachingLinks(program: Program, switches: Uint8Array): { first: Int32Array; linksOf: Int32Array } {
  const { nodes, links } = program;
  const attaching = (link: Link) => !(switches[link.ends[0].node] && switches[link.ends[1].node]);
  const first = new Int32Array(nodes.length + 1);
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    if (!attaching(link)) continue;
    first[link.ends[0].node + 1]++;
    first[link.ends[1].node + 1]++;
  }
  for (let i = 0; i < nodes.length; i++) first[i + 1] += first[i];
  const linksOf = new Int32Array(first[nodes.length]);
  const next = first.slice(0, nodes.length);
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    if (!attaching(link)) continue;
    linksOf[next[link.ends[0].node]++] = link.id;
    linksOf[next[link.ends[1].node]++] = link.id;
  }
  return { first, linksOf };
}

/** A segment's subnet: the first of its switches' (a conflicting one is reported by checkTopology). */
export function segmentSubnet(program: Program, switches: readonly NodeId[]): PrefixValue | undefined {
  for (let i = 0; i < switches.length; i++) {
    const subnet = firstOf(program.nodes[switches[i]].props, 'subnet', 'prefix');
    if (subnet) return subnet;
  }
  return undefined;
}

export function linkName(program: Program, link: Link): string {
  return `${program.nodes[link.ends[0].node].name} -- ${program.nodes[link.ends[1].node].name}`;
}

/** A span from the start of `a` to the end of `b` (same file). */
export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: a.start, end: b.end, line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
}
