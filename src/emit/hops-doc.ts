// The `topo hops` document: traces with node names and address owners, in the JSON shape of
// docs/schemas/hops.schema.json. The text, markdown and CSV printers all read this document.
import type { Dataplane, Header } from '../dataplane/index.js';
import type { Program } from '../resolve/program.js';
import { ownerOf, type FlowTrace, type Owners, type TraceHop } from '../trace/index.js';

export interface HeaderDoc {
  proto: Header['proto'];
  onWire: boolean;
  src?: string | number;
  dst?: string | number;
  srcOwner?: string;
  dstOwner?: string;
  ttl?: number;
  teid?: number;
  vni?: number;
}
export interface HopDoc {
  index: number;
  segment: number;
  from: string;
  to: string;
  /** Switches the frame crosses between `from` and `to` (L2: they change nothing). */
  switches?: string[];
  headers: HeaderDoc[];
  changes: readonly string[];
}
export interface SegmentDoc {
  index: number;
  client: string;
  server: string | null;
  protocol: string;
  pathMtu: number | null;
}
export interface FlowDoc {
  name: string;
  direction: 'request' | 'reply';
  disposition: 'delivered' | 'dropped';
  reason?: string;
  detail?: string;
  at?: string;
  /** The last hop the packet made before the drop (absent when it never left the node). */
  afterHop?: number;
  segments: SegmentDoc[];
  hops: HopDoc[];
}
export interface HopsDoc {
  flows: FlowDoc[];
}

export function hopsDoc(program: Program, dp: Dataplane, owners: Owners, traces: FlowTrace[]): HopsDoc {
  const name = (id: number) => dp.net.nodes[id].name;
  return {
    flows: traces.map((t) => {
      const doc: FlowDoc = { name: t.name, direction: t.direction, disposition: t.disposition.kind, segments: [], hops: [] };
      if (t.disposition.kind === 'dropped') {
        doc.reason = t.disposition.reason;
        doc.detail = t.disposition.detail;
        doc.at = name(t.disposition.node);
        if (t.disposition.hop !== null) doc.afterHop = t.disposition.hop;
      }
      doc.segments = t.segments.map((s) => ({
        index: s.index,
        client: name(s.client),
        server: s.server === null ? null : program.nodes[s.server].name,
        protocol: `${s.protocol}/${s.port}`,
        pathMtu: s.pathMtu,
      }));
      doc.hops = t.hops.map((h) => hopDoc(dp, owners, h));
      return doc;
    }),
  };
}

function hopDoc(dp: Dataplane, owners: Owners, h: TraceHop): HopDoc {
  const nodes = dp.net.nodes;
  let vpc = nodes[h.from].vpc ?? nodes[h.to].vpc;
  const owner = (v: string) => {
    const o = ownerOf(owners, v, vpc);
    return o === null ? undefined : nodes[o].name;
  };
  const headers = h.packet.headers.map((x): HeaderDoc => {
    switch (x.proto) {
      case 'eth':
      case 'ipv4': {
        const d: HeaderDoc = { proto: x.proto, onWire: x.proto === 'eth' ? x.onWire : true, src: x.src, dst: x.dst };
        const so = owner(x.src);
        const do_ = owner(x.dst);
        if (so) d.srcOwner = so;
        if (do_) d.dstOwner = do_;
        if (x.proto === 'ipv4') d.ttl = x.ttl;
        return d;
      }
      case 'udp':
      case 'tcp':
        return { proto: x.proto, onWire: true, src: x.src, dst: x.dst };
      case 'gtpu':
        return { proto: 'gtpu', onWire: true, teid: x.teid };
      case 'vxlan':
        // What follows is the VPC's overlay: look its addresses up there.
        vpc = dp.vpcOfVni.get(x.vni) ?? vpc;
        return { proto: 'vxlan', onWire: true, vni: x.vni };
    }
  });
  const doc: HopDoc = { index: h.index, segment: h.segment, from: nodes[h.from].name, to: nodes[h.to].name, headers, changes: h.changes };
  if (h.switches.length > 0) doc.switches = h.switches.map((s) => nodes[s].name);
  return doc;
}

export function hopsJson(doc: HopsDoc): string {
  return JSON.stringify(doc, null, 2) + '\n';
}
