// A packet is a header stack, outermost first (Scapy's Ether/IP/UDP/VXLAN/Ether/IP/TCP), plus the size of
// the application payload. Headers are immutable: every step returns a new stack.

export interface Eth {
  proto: 'eth';
  src: string;
  dst: string;
  /** False for a conceptual header no bytes carry: a UE's frame over the radio, or inside GTP-U. */
  onWire: boolean;
}
export interface Ipv4 {
  proto: 'ipv4';
  src: string;
  dst: string;
  ttl: number;
  /** Don't Fragment: set by TCP (path MTU discovery) and copied to tunnel headers. */
  df: boolean;
}
export interface Ports {
  proto: 'udp' | 'tcp';
  src: number;
  dst: number;
}
export interface Gtpu {
  proto: 'gtpu';
  teid: number;
}
export interface Vxlan {
  proto: 'vxlan';
  vni: number;
}
export type Header = Eth | Ipv4 | Ports | Gtpu | Vxlan;
export type Transport = Ports['proto'];

export interface Packet {
  headers: readonly Header[];
  /** Application bytes after the innermost header. */
  payload: number;
}

export const DEFAULT_TTL = 64;
export const GTPU_PORT = 2152;
export const VXLAN_PORT = 4789;

const SIZE: Record<Header['proto'], number> = { eth: 14, ipv4: 20, udp: 8, tcp: 20, gtpu: 8, vxlan: 8 };

/** A fresh packet as a socket sends it; the L2 header is added at egress. */
export function originate(src: string, dst: string, proto: Transport, sport: number, dport: number, payload: number): Packet {
  return { headers: [{ proto: 'ipv4', src, dst, ttl: DEFAULT_TTL, df: proto === 'tcp' }, { proto, src: small(sport), dst: small(dport) }], payload: small(payload) };
}

/**
 * `n` unchanged, but as a small integer when it is one. A whole number read from a field that elsewhere holds
 * fractions (a quantity's `base`) arrives as a boxed double, and storing one such number in a new packet or
 * header makes V8 box that field in every object of its shape made afterwards: a box more per packet, port
 * pair and flow-cache decision for the rest of the process, which a simulator makes by the million.
 */
export function small(n: number): number {
  const i = n | 0;
  return i === n ? i : n;
}

/** Index of the outermost IPv4 header (the one routers look at), or -1. */
export function outerIp(p: Packet): number {
  const h = p.headers;
  for (let i = 0; i < h.length; i++) if (h[i].proto === 'ipv4') return i;
  return -1;
}

/** Index of the innermost IPv4 header: the end-to-end packet. */
export function innerIp(p: Packet): number {
  for (let i = p.headers.length - 1; i >= 0; i--) if (p.headers[i].proto === 'ipv4') return i;
  return -1;
}

/** The IP total length of the header at `index`: every on-wire header from it inwards, plus the payload. */
export function ipLength(p: Packet, index: number): number {
  let n = p.payload;
  for (let i = index; i < p.headers.length; i++) {
    const h = p.headers[i];
    if (h.proto !== 'eth' || h.onWire) n += SIZE[h.proto];
  }
  return n;
}

/** Bytes the encapsulations add to the end-to-end IP packet (GTP-U 36, VXLAN 50). */
export function overhead(p: Packet): number {
  const outer = outerIp(p);
  return outer < 0 ? 0 : ipLength(p, outer) - ipLength(p, innerIp(p));
}

export function replaceAt(p: Packet, index: number, header: Header): Packet {
  const headers = p.headers.slice();
  headers[index] = header;
  return { headers, payload: p.payload };
}

export function ipAt(p: Packet, index: number): Ipv4 {
  return p.headers[index] as Ipv4;
}

/** The transport header right after the IPv4 header at `index`, if any. */
export function portsAfter(p: Packet, index: number): Ports | null {
  const h = p.headers[index + 1];
  return h && (h.proto === 'udp' || h.proto === 'tcp') ? h : null;
}

/** A key for "the same packet at the same place": the full header stack. */
export function packetKey(p: Packet): string {
  let key = '';
  for (const h of p.headers) {
    switch (h.proto) {
      case 'eth':
        key += `e${h.src}>${h.dst}${h.onWire ? '' : '~'}|`;
        break;
      case 'ipv4':
        key += `i${h.src}>${h.dst}/${h.ttl}|`;
        break;
      case 'udp':
      case 'tcp':
        key += `${h.proto}${h.src}>${h.dst}|`;
        break;
      case 'gtpu':
        key += `g${h.teid}|`;
        break;
      case 'vxlan':
        key += `v${h.vni}|`;
        break;
    }
  }
  return key;
}
