// GTP-U (3GPP TS 29.281): the user's IP packet rides in UDP 2152 between tunnel endpoints, under a TEID
// chosen by the receiving end. GTP-U carries IP, not Ethernet: an inner L2 header is conceptual only.
import { DEFAULT_TTL, GTPU_PORT, type Header, type Packet } from './packet.js';

export interface TunnelEnds {
  src: string;
  dst: string;
}

/** Push outer IPv4/UDP/GTP-U; any inner Ethernet header stays in the stack, marked as not on the wire. */
export function encapGtpu(p: Packet, ends: TunnelEnds, teid: number): Packet {
  const inner = p.headers.map((h): Header => (h.proto === 'eth' ? { ...h, onWire: false } : h));
  const outer: Header[] = [
    { proto: 'ipv4', src: ends.src, dst: ends.dst, ttl: DEFAULT_TTL, df: false },
    { proto: 'udp', src: GTPU_PORT, dst: GTPU_PORT },
    { proto: 'gtpu', teid },
  ];
  return { headers: outer.concat(inner), payload: p.payload };
}

/** The TEID of a packet whose outermost headers are [eth] IPv4/UDP 2152/GTP-U, or null. */
export function gtpuTeid(p: Packet): number | null {
  const h = p.headers;
  const i = h[0]?.proto === 'eth' ? 1 : 0;
  const udp = h[i + 1];
  const g = h[i + 2];
  return h[i]?.proto === 'ipv4' && udp?.proto === 'udp' && udp.dst === GTPU_PORT && g?.proto === 'gtpu' ? g.teid : null;
}

/** Pop everything down to and including the GTP-U header: the inner packet (with its conceptual L2). */
export function decapGtpu(p: Packet): Packet {
  const i = p.headers.findIndex((h) => h.proto === 'gtpu');
  return { headers: p.headers.slice(i + 1), payload: p.payload };
}
