// One writer per header: each puts its fixed fields at `at` in the frame's buffer. Lengths are passed in (the
// frame knows where its bytes end); checksums are left zero and filled by frame.ts once the bytes they cover
// are final.
import type { Eth, Gtpu, Ipv4, Ports, Vxlan } from '../../dataplane/packet.js';
import { parseIp } from '../../model/ipv4.js';

export const ETHERTYPE_IPV4 = 0x0800;
export const PROTOCOL = { tcp: 6, udp: 17 } as const;

/** Header sizes on the wire; TCP carries no options (data offset 5), as packet.ts counts it. */
export const WIRE_SIZE = { eth: 14, ipv4: 20, udp: 8, tcp: 20, gtpu: 8, vxlan: 8 } as const;

/** Bytes before the checksum field, from the start of each header that has one. */
export const CHECKSUM_AT = { ipv4: 10, udp: 6, tcp: 16 } as const;

export const TCP_FLAG = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const;

/** The TCP fields the trace does not model: a simulator sets them per segment. */
export interface TcpFields {
  seq: number;
  ack: number;
  /** A sum of TCP_FLAG values. */
  flags: number;
  window: number;
}

function writeMac(view: DataView, at: number, mac: string): void {
  const parts = mac.split(':');
  if (parts.length !== 6) throw new Error(`not a MAC address: ${mac}`);
  for (let i = 0; i < 6; i++) view.setUint8(at + i, parseInt(parts[i], 16));
}

export function writeEth(view: DataView, at: number, h: Eth): void {
  writeMac(view, at, h.dst);
  writeMac(view, at + 6, h.src);
  view.setUint16(at + 12, ETHERTYPE_IPV4);
}

export function writeIpv4(view: DataView, at: number, h: Ipv4, totalLength: number, protocol: number): void {
  view.setUint8(at, 0x45); // version 4, IHL 5 words: no options
  view.setUint8(at + 1, 0); // DSCP/ECN: best effort
  view.setUint16(at + 2, totalLength);
  // Identification (at + 4) is set with the checksum: it is derived from the bytes this header carries.
  view.setUint16(at + 6, h.df ? 0x4000 : 0); // flags (DF) and fragment offset 0
  view.setUint8(at + 8, h.ttl);
  view.setUint8(at + 9, protocol);
  view.setUint32(at + 12, parseIp(h.src));
  view.setUint32(at + 16, parseIp(h.dst));
}

export function writeUdp(view: DataView, at: number, h: Ports, length: number): void {
  view.setUint16(at, h.src);
  view.setUint16(at + 2, h.dst);
  view.setUint16(at + 4, length);
}

export function writeTcp(view: DataView, at: number, h: Ports, f: TcpFields): void {
  view.setUint16(at, h.src);
  view.setUint16(at + 2, h.dst);
  view.setUint32(at + 4, f.seq >>> 0);
  view.setUint32(at + 8, f.ack >>> 0);
  view.setUint8(at + 12, 5 << 4); // data offset 5 words, no options
  view.setUint8(at + 13, f.flags);
  view.setUint16(at + 14, f.window);
  // checksum at + 16 later; urgent pointer at + 18 stays 0
}

/** GTP-U (3GPP TS 29.281 §5.1): version 1, PT 1, no optional fields; the length counts what follows the 8 bytes. */
export function writeGtpu(view: DataView, at: number, h: Gtpu, length: number): void {
  view.setUint8(at, 0x30);
  view.setUint8(at + 1, 0xff); // G-PDU: the payload is a user packet
  view.setUint16(at + 2, length);
  view.setUint32(at + 4, h.teid >>> 0);
}

/** VXLAN (RFC 7348 §5): the I flag says the VNI is valid; the reserved bytes stay zero. */
export function writeVxlan(view: DataView, at: number, h: Vxlan): void {
  view.setUint8(at, 0x08);
  view.setUint32(at + 4, (h.vni & 0xffffff) * 256);
}
