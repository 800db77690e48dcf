import type { Span } from '../diagnostics/span.js';
import type { Link, NodeId, PrefixValue, Program } from '../resolve/program.js';
import { NONE, valuesOf } from '../resolve/program.js';

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
}

const cache = new WeakMap<Program, L2>();

/** Segments (switches joined by links, union-find) and each node's links; computed once per program. */
export function l2(program: Program): L2 {
  const hit = cache.get(program);
  if (hit) return hit;
  // One flag per node id: asked four times per link.
  const switches = new Uint8Array(program.nodes.length);
  for (const n of program.nodes) if (n.behaviours.has('switch')) switches[n.id] = 1;
  const isSwitch = (id: NodeId) => switches[id] === 1;
  const parent = new Map<NodeId, NodeId>();
  const find = (x: NodeId): NodeId => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (x !== root) { const next = parent.get(x)!; parent.set(x, root); x = next; }
    return root;
  };
  for (const n of program.nodes) if (switches[n.id]) parent.set(n.id, n.id);
  for (const link of program.links) {
    const [a, b] = link.ends;
    if (isSwitch(a.node) && isSwitch(b.node)) {
      const ra = find(a.node);
      const rb = find(b.node);
      if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
    }
  }
  const segments = new Map<NodeId, NodeId[]>();
  const segmentOf = new Map<NodeId, NodeId>();
  for (const id of parent.keys()) {
    const root = find(id);
    segmentOf.set(id, root);
    const list = segments.get(root);
    if (list) list.push(id); else segments.set(root, [id]);
  }
  // One attachment per segment, shared by every node linked to it (its subnet is a search of its switches).
  const segmentAttachments = new Map<NodeId, Attached>();
  const segmentAttachment = (root: NodeId): Attached => {
    let a = segmentAttachments.get(root);
    if (!a) {
      const subnet = segments.get(root)!.map((s) => valuesOf(program.nodes[s].props, 'subnet', 'prefix')[0]).find((v) => v !== undefined) ?? null;
      segmentAttachments.set(root, (a = new Attached(program, 'segment', root, subnet)));
    }
    return a;
  };

  // Per node, the links that attach it to a subnet (not those between two switches), in link order.
  const first = new Int32Array(program.nodes.length + 1);
  const attaching = (link: Link) => !(isSwitch(link.ends[0].node) && isSwitch(link.ends[1].node));
  for (const link of program.links) if (attaching(link)) for (const e of link.ends) first[e.node + 1]++;
  for (let i = 0; i < program.nodes.length; i++) first[i + 1] += first[i];
  const linksOf = new Int32Array(first[program.nodes.length]);
  const next = first.slice(0, program.nodes.length);
  for (const link of program.links) if (attaching(link)) for (const e of link.ends) linksOf[next[e.node]++] = link.id;

  const attachmentsOf = (id: NodeId): readonly Attachment[] => {
    const list: Attachment[] = [];
    const attach = (a: Attachment) => {
      if (!list.some((x) => x.domain === a.domain)) list.push(a);
    };
    for (let i = first[id]; i < first[id + 1]; i++) {
      const link = program.links[linksOf[i]];
      const [a, b] = link.ends;
      const sw = isSwitch(a.node) ? a.node : isSwitch(b.node) ? b.node : null;
      // A node linked to a switch is attached to the switch's segment; the switch itself is not.
      if (sw === null) attach(new Attached(program, 'link', link.id, valuesOf(link.props, 'subnet', 'prefix')[0] ?? null));
      else if (sw !== id) attach(segmentAttachment(segmentOf.get(sw)!));
    }
    const placed = program.nodes[id].in;
    if (placed) {
      const cidr = valuesOf(program.nodes[placed.node].props, 'cidr', 'prefix')[0];
      if (cidr) attach(new Attached(program, 'subnet', placed.node, cidr));
    }
    return list.length === 0 ? NONE : list;
  };
  const result = { isSwitch, attachmentsOf, segmentOf, segments };
  cache.set(program, result);
  return result;
}

export function linkName(program: Program, link: Link): string {
  return `${program.nodes[link.ends[0].node].name} -- ${program.nodes[link.ends[1].node].name}`;
}

/** A span from the start of `a` to the end of `b` (same file). */
export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: a.start, end: b.end, line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
}
