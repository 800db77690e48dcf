// `topo hops --format csv`: one row per header of every hop, for spreadsheets and capture comparisons.
import type { HopsDoc } from './hops-doc.js';

const COLUMNS = ['flow', 'direction', 'hop', 'segment', 'from', 'to', 'position', 'proto', 'on_wire', 'src', 'src_owner', 'dst', 'dst_owner', 'ttl', 'teid', 'vni', 'changes'];

function field(v: string | number | boolean | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function hopsCsv(doc: HopsDoc): string {
  const lines = [COLUMNS.join(',')];
  for (const f of doc.flows) {
    for (const hop of f.hops) {
      hop.headers.forEach((h, layer) => {
        const row = [f.name, f.direction, hop.index, hop.segment, hop.from, hop.to, layer, h.proto, h.onWire, h.src, h.srcOwner, h.dst, h.dstOwner, h.ttl, h.teid, h.vni, layer === 0 ? hop.changes.join('; ') : undefined];
        lines.push(row.map(field).join(','));
      });
    }
  }
  return lines.join('\n') + '\n';
}
