// What a check can look at. Header fields are read at one hop, from one layer of its header stack; flow fields
// summarise a range of hops (the whole flow, or one segment).
import type { Check } from '../ast/types.js';
import type { Header } from '../dataplane/index.js';

export type FieldType = 'address' | 'mac' | 'number' | 'node' | 'text';
export type Op = Check['op'];

export interface FieldDef {
  name: string;
  scope: 'hop' | 'flow';
  type: FieldType;
  /** Header fields: the header and its property. */
  proto?: Header['proto'];
  key?: 'src' | 'dst' | 'ttl' | 'teid' | 'vni';
}

const header = (name: string, proto: Header['proto'], key: FieldDef['key'], type: FieldType): FieldDef => ({ name, scope: 'hop', type, proto, key });

export const FIELDS: readonly FieldDef[] = [
  header('eth.src', 'eth', 'src', 'mac'),
  header('eth.dst', 'eth', 'dst', 'mac'),
  header('ip.src', 'ipv4', 'src', 'address'),
  header('ip.dst', 'ipv4', 'dst', 'address'),
  header('ip.ttl', 'ipv4', 'ttl', 'number'),
  header('udp.sport', 'udp', 'src', 'number'),
  header('udp.dport', 'udp', 'dst', 'number'),
  header('tcp.sport', 'tcp', 'src', 'number'),
  header('tcp.dport', 'tcp', 'dst', 'number'),
  header('gtpu.teid', 'gtpu', 'teid', 'number'),
  header('vxlan.vni', 'vxlan', 'vni', 'number'),
  /** The tunnel headers at the hop, outermost first: "gtpu", "vxlan", "" when none. */
  { name: 'encap', scope: 'hop', type: 'text' },
  /** The largest packet every hop carries unfragmented (the smallest of the segments'). */
  { name: 'pathMtu', scope: 'flow', type: 'number' },
  /** The smallest end-to-end TTL seen at any hop: how close the flow comes to a loop's TTL exceeded. */
  { name: 'ttlLeft', scope: 'flow', type: 'number' },
  { name: 'hops', scope: 'flow', type: 'number' },
  /** The nodes that rewrote an end-to-end address, in order. */
  { name: 'nat', scope: 'flow', type: 'node' },
  /** The tunnels entered, in order, one word each: "gtpu gtpu vxlan". */
  { name: 'tunnels', scope: 'flow', type: 'text' },
];

export const OPS: Record<FieldType, readonly Op[]> = {
  number: ['==', '!=', '<', '<=', '>', '>=', 'exists'],
  address: ['==', '!=', 'in', 'exists'],
  mac: ['==', '!=', 'exists'],
  node: ['==', '!=', 'exists'],
  text: ['==', '!=', 'exists'],
};

/** What a value of each type is written as, for messages. */
export const VALUE_WORDS: Record<FieldType, string> = {
  number: 'a number',
  address: 'an IPv4 address or a node name',
  mac: 'a MAC address or a node name',
  node: 'a node name',
  text: 'a string',
};

/** `outer`, `inner`, `layer2`: the layer a header field is read from (0 outermost, -1 innermost). */
export function layerOf(word: string): number | null | undefined {
  if (word === 'outer') return 0;
  if (word === 'inner') return -1;
  const m = /^layer([1-9]\d*)$/.exec(word);
  return m ? Number(m[1]) - 1 : undefined;
}

export function fieldNamed(name: string): FieldDef | undefined {
  return FIELDS.find((f) => f.name === name);
}
