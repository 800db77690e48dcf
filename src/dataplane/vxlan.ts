// VXLAN (RFC 7348): an OVS host wraps a VM's Ethernet frame in UDP 4789 with the VPC's VNI toward the host
// of the destination VM. The outer source port is a hash of the inner flow, so ECMP spreads flows apart.
import { DEFAULT_TTL, small, VXLAN_PORT, type Header, type Packet } from './packet.js';
import type { TunnelEnds } from './gtpu.js';

const EPHEMERAL_LOW = 49152;

/**
 * FNV-1a over the inner IPv4 addresses and ports, folded into 49152–65535 (Linux's default range). Each
 * header hashes as its fields joined by `|` (`10.0.0.1|10.0.0.2`, `tcp|40001|443`), hashed in place.
 */
export function vxlanSourcePort(p: Packet): number {
  let hash = 0x811c9dc5;
  for (const h of p.headers) {
    if (h.proto === 'ipv4') hash = fnv1a(fnv1a(fnv1a(hash, h.src), '|'), h.dst);
    else if (h.proto === 'udp' || h.proto === 'tcp') hash = fnv1a(fnv1a(fnv1a(fnv1a(fnv1a(hash, h.proto), '|'), String(h.src)), '|'), String(h.dst));
  }
  return small(EPHEMERAL_LOW + (hash % (65536 - EPHEMERAL_LOW)));
}

function fnv1a(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** Push outer IPv4/UDP/VXLAN over the frame; the outer DF copies the inner one (OVS's df_default). */
export function encapVxlan(p: Packet, ends: TunnelEnds, vni: number): Packet {
  const inner = p.headers.find((h) => h.proto === 'ipv4');
  const outer: Header[] = [
    { proto: 'ipv4', src: ends.src, dst: ends.dst, ttl: DEFAULT_TTL, df: inner?.proto === 'ipv4' && inner.df },
    { proto: 'udp', src: vxlanSourcePort(p), dst: VXLAN_PORT },
    { proto: 'vxlan', vni },
  ];
  return { headers: outer.concat(p.headers), payload: p.payload };
}

/** The VNI of a packet whose outermost headers are [eth] IPv4/UDP 4789/VXLAN, or null. */
export function vxlanVni(p: Packet): number | null {
  const h = p.headers;
  const i = h[0]?.proto === 'eth' ? 1 : 0;
  const udp = h[i + 1];
  const v = h[i + 2];
  return h[i]?.proto === 'ipv4' && udp?.proto === 'udp' && udp.dst === VXLAN_PORT && v?.proto === 'vxlan' ? v.vni : null;
}

/** Pop everything down to and including the VXLAN header: the inner Ethernet frame. */
export function decapVxlan(p: Packet): Packet {
  const i = p.headers.findIndex((h) => h.proto === 'vxlan');
  return { headers: p.headers.slice(i + 1), payload: p.payload };
}
