// A Packet (dataplane/packet.ts) as the bytes of one Ethernet frame. The buffer is allocated once: headers are
// written outside-in (each knows its offset and where the packet ends), then the fields computed from other
// bytes — IPv4 identification and the checksums — inside-out, because an outer UDP checksum covers the inner
// packet's.
import type { Header, Packet } from '../../dataplane/packet.js';
import { internetChecksum, pseudoHeaderSum } from './checksum.js';
import { CHECKSUM_AT, PROTOCOL, TCP_FLAG, WIRE_SIZE, writeEth, writeGtpu, writeIpv4, writeTcp, writeUdp, writeVxlan, type TcpFields } from './layers.js';

export interface EncodeOptions {
  /**
   * TCP fields beyond the ports, for every TCP header of the packet. Defaults: a segment of an established
   * connection — seq 1, ack 1, ACK (and PSH when there is payload), window 65535.
   */
  tcp?: Partial<TcpFields>;
  /**
   * IPv4 identification of the innermost (end-to-end) IPv4 header, as its sender numbers its packets. Default,
   * and always for tunnel headers: a 16-bit hash of that header's addresses, protocol and ports (and of the
   * identification of the packet it carries), so the same packet encodes to the same bytes.
   */
  ipId?: number;
  /** The application bytes; default `packet.payload` zero bytes. Every length field follows these bytes. */
  payload?: Uint8Array;
}

/** Ethernet's minimum frame, without the 4-byte FCS (pcap does not carry it): shorter frames are padded. */
export const MIN_FRAME = 60;

interface Layer {
  header: Header;
  at: number;
}

/** Which header may follow which on the wire; `payload` ends the stack. A conceptual Ethernet header is skipped. */
const FOLLOWS: Record<Header['proto'] | 'start', readonly (Header['proto'] | 'payload')[]> = {
  start: ['eth'],
  eth: ['ipv4'],
  ipv4: ['udp', 'tcp'],
  udp: ['gtpu', 'vxlan', 'payload'],
  tcp: ['payload'],
  gtpu: ['ipv4'], // TS 29.281: a G-PDU carries the user's IP packet, no Ethernet
  vxlan: ['eth'],
};

/** True when the packet's outermost on-wire header is Ethernet: a UE's packet over the radio is not. */
export function isEthernetFrame(packet: Packet): boolean {
  const first = packet.headers[0];
  return first !== undefined && first.proto === 'eth' && first.onWire;
}

/** The headers bytes carry, with their offsets; throws on a stack no wire carries. */
function layout(packet: Packet): { layers: Layer[]; size: number } {
  const layers: Layer[] = [];
  let prev: Header['proto'] | 'start' = 'start';
  let at = 0;
  for (const header of packet.headers) {
    if (header.proto === 'eth' && !header.onWire) continue;
    if (!FOLLOWS[prev].includes(header.proto)) throw new Error(`cannot encode ${header.proto} after ${prev}: ${describe(packet)}`);
    layers.push({ header, at });
    at += WIRE_SIZE[header.proto];
    prev = header.proto;
  }
  if (!FOLLOWS[prev].includes('payload')) throw new Error(`cannot encode a packet ending with ${prev}: ${describe(packet)}`);
  return { layers, size: at };
}

function describe(packet: Packet): string {
  return packet.headers.map((h) => (h.proto === 'eth' && !h.onWire ? '(eth)' : h.proto)).join('/');
}

/**
 * The bytes of `packet` as one Ethernet II frame on the wire (no FCS), padded to 60 bytes: every length and
 * checksum filled in. UDP checksums cover the pseudo-header, except the outer UDP of VXLAN, which is zero as
 * RFC 7348 §5 asks (and Linux and Open vSwitch send). Throws when the packet does not start with an on-wire
 * Ethernet header (see `isEthernetFrame`) or nests headers no protocol allows.
 */
export function encodeFrame(packet: Packet, opts: EncodeOptions = {}): Uint8Array {
  const { layers, size: headerBytes } = layout(packet);
  const payload = opts.payload ?? new Uint8Array(packet.payload);
  const end = headerBytes + payload.length;
  if (end - WIRE_SIZE.eth > 0xffff) throw new RangeError(`an IPv4 packet of ${end - WIRE_SIZE.eth} bytes exceeds the 65535 its length field holds`);
  const bytes = new Uint8Array(Math.max(end, MIN_FRAME));
  const view = new DataView(bytes.buffer);
  const tcp: TcpFields = { seq: 1, ack: 1, flags: TCP_FLAG.ACK | (payload.length > 0 ? TCP_FLAG.PSH : 0), window: 65535, ...opts.tcp };

  layers.forEach(({ header: h, at }, i) => {
    switch (h.proto) {
      case 'eth':
        return writeEth(view, at, h);
      case 'ipv4':
        return writeIpv4(view, at, h, end - at, PROTOCOL[layers[i + 1].header.proto as 'udp' | 'tcp']);
      case 'udp':
        return writeUdp(view, at, h, end - at);
      case 'tcp':
        return writeTcp(view, at, h, tcp);
      case 'gtpu':
        return writeGtpu(view, at, h, end - at - WIRE_SIZE.gtpu);
      case 'vxlan':
        return writeVxlan(view, at, h);
    }
  });
  bytes.set(payload, headerBytes);

  const innermost = innermostIp(layers);
  let carried = 0; // the identification of the IPv4 packet the current layer carries
  for (let i = layers.length - 1; i >= 0; i--) {
    const { header: h, at } = layers[i];
    if (h.proto === 'ipv4') {
      const id = i === innermost && opts.ipId !== undefined ? opts.ipId & 0xffff : ipId(bytes, at, carried);
      view.setUint16(at + 4, id);
      view.setUint16(at + CHECKSUM_AT.ipv4, internetChecksum(bytes, at, at + WIRE_SIZE.ipv4));
      carried = id;
    } else if (h.proto === 'udp' || h.proto === 'tcp') {
      if (h.proto === 'udp' && layers[i + 1]?.header.proto === 'vxlan') continue;
      const ip = layers[i - 1].at;
      const sum = internetChecksum(bytes, at, end, pseudoHeaderSum(bytes, ip, PROTOCOL[h.proto], end - at));
      // A computed UDP checksum of zero is sent as all ones: zero means "no checksum" (RFC 768).
      view.setUint16(at + CHECKSUM_AT[h.proto], h.proto === 'udp' && sum === 0 ? 0xffff : sum);
    }
  }
  return bytes;
}

function innermostIp(layers: Layer[]): number {
  for (let i = layers.length - 1; i >= 0; i--) if (layers[i].header.proto === 'ipv4') return i;
  return -1;
}

/** FNV-1a over the header's protocol, addresses and the 4 port bytes after it, and the carried packet's id. */
function ipId(bytes: Uint8Array, at: number, carried: number): number {
  let h = 0x811c9dc5;
  const mix = (b: number) => (h = Math.imul(h ^ b, 0x01000193));
  mix(bytes[at + 9]);
  for (let i = at + 12; i < at + 24; i++) mix(bytes[i]);
  mix(carried >>> 8);
  mix(carried & 0xff);
  return (h ^ (h >>> 16)) & 0xffff;
}
