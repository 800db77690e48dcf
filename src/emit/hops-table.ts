// A hop's header stack as a table in the seed's style: rows are fields, columns are layers (outer, inner),
// each value with the node that owns it. Shared by the text and markdown printers.
import type { HeaderDoc, HopDoc } from './hops-doc.js';

/** A value, the node that owns it, and a remark ("not on the wire"). */
export interface Cell {
  value: string;
  owner: string;
  note: string;
}

export interface HopTable {
  columns: string[];
  /** Per row: the field name and one cell per column (empty where the layer has no such field). */
  rows: { field: string; cells: Cell[] }[];
}

const TUNNELS = new Set(['gtpu', 'vxlan']);
const NOT_ON_WIRE = '(not on the wire)';

/** Split the stack after each tunnel header: everything a tunnel carries is one layer further in. */
function layers(headers: HeaderDoc[]): HeaderDoc[][] {
  const out: HeaderDoc[][] = [[]];
  for (const h of headers) {
    out[out.length - 1].push(h);
    if (TUNNELS.has(h.proto)) out.push([]);
  }
  return out.filter((l) => l.length > 0);
}

function columnNames(n: number): string[] {
  if (n === 1) return ['value'];
  return Array.from({ length: n }, (_, i) => (i === 0 ? 'outer' : i === n - 1 ? 'inner' : `inner ${i}`));
}

const EMPTY: Cell = { value: '', owner: '', note: '' };
const cell = (value: string | number | undefined, owner?: string, note = ''): Cell => ({ value: `${value}`, owner: owner ?? '', note });

const FIELDS: { name: string; cell: (layer: HeaderDoc[]) => Cell | undefined }[] = [
  { name: 'eth.src', cell: (l) => eth(l, 'src') },
  { name: 'eth.dst', cell: (l) => eth(l, 'dst') },
  { name: 'ip.src', cell: (l) => find(l, 'ipv4', (h) => cell(h.src, h.srcOwner)) },
  { name: 'ip.dst', cell: (l) => find(l, 'ipv4', (h) => cell(h.dst, h.dstOwner)) },
  { name: 'ip.ttl', cell: (l) => find(l, 'ipv4', (h) => cell(h.ttl)) },
  { name: 'udp', cell: (l) => ports(l, 'udp') },
  { name: 'tcp', cell: (l) => ports(l, 'tcp') },
  { name: 'gtpu.teid', cell: (l) => find(l, 'gtpu', (h) => cell(`0x${h.teid!.toString(16).padStart(8, '0')}`)) },
  { name: 'vxlan.vni', cell: (l) => find(l, 'vxlan', (h) => cell(h.vni)) },
];

function find(l: HeaderDoc[], proto: string, f: (h: HeaderDoc) => Cell): Cell | undefined {
  const h = l.find((x) => x.proto === proto);
  return h ? f(h) : undefined;
}
function eth(l: HeaderDoc[], side: 'src' | 'dst'): Cell | undefined {
  return find(l, 'eth', (h) => cell(h[side], side === 'src' ? h.srcOwner : h.dstOwner, h.onWire ? '' : NOT_ON_WIRE));
}
function ports(l: HeaderDoc[], proto: 'udp' | 'tcp'): Cell | undefined {
  return find(l, proto, (h) => cell(`${h.src} → ${h.dst}`));
}

export function hopTable(hop: HopDoc): HopTable {
  const ls = layers(hop.headers);
  const rows: HopTable['rows'] = [];
  for (const f of FIELDS) {
    const cells = ls.map((l) => f.cell(l));
    if (cells.some((c) => c !== undefined)) rows.push({ field: f.name, cells: cells.map((c) => c ?? EMPTY) });
  }
  return { columns: columnNames(ls.length), rows };
}

/** "hop 2 · enb → sgw (via core, agg) · segment 1 (phone → ldns, udp/53)" */
export function hopTitle(hop: HopDoc, segment: { client: string; server: string | null; protocol: string } | undefined): string {
  const via = hop.switches ? ` (via ${hop.switches.join(', ')})` : '';
  const seg = segment ? ` (${segment.client} → ${segment.server ?? '?'}, ${segment.protocol})` : '';
  return `hop ${hop.index} · ${hop.from} → ${hop.to}${via} · segment ${hop.segment}${seg}`;
}
