// encodeFrame, byte for byte. The four pinned frames were cross-checked against Scapy 2.5 building the same
// headers (Ether/IP/UDP, Ether/IP/TCP, …/GTP_U_Header/IP/TCP, …/VXLAN/Ether/IP/TCP): identical bytes.
import { describe, expect, test } from 'vitest';
import type { Eth, Header, Ipv4, Packet } from '../../src/dataplane/packet.js';
import { internetChecksum, pseudoHeaderSum } from '../../src/runtime/wire/checksum.js';
import { encodeFrame, isEthernetFrame, MIN_FRAME, TCP_FLAG } from '../../src/runtime/wire/index.js';

const eth = (src: string, dst: string, onWire = true): Eth => ({ proto: 'eth', src, dst, onWire });
const ip = (src: string, dst: string, ttl: number, df: boolean): Ipv4 => ({ proto: 'ipv4', src, dst, ttl, df });
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const u16 = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];

const udpDns: Packet = {
  headers: [eth('02:00:0a:00:04:01', '02:00:0a:00:04:02'), ip('10.0.4.2', '198.51.100.53', 64, false), { proto: 'udp', src: 40001, dst: 53 }],
  payload: 4,
};
const tcpSynAck: Packet = {
  headers: [eth('02:00:c0:a8:01:02', '02:00:c0:a8:01:03'), ip('192.168.1.2', '192.168.1.3', 64, true), { proto: 'tcp', src: 40001, dst: 8080 }],
  payload: 0,
};
/** The seed's S1-U hop: the phone's packet in GTP-U, with the conceptual inner Ethernet header the tables show. */
const gtpu: Packet = {
  headers: [
    eth('02:00:0a:00:01:01', '02:00:0a:00:01:02'),
    ip('10.0.1.1', '10.0.1.2', 64, false),
    { proto: 'udp', src: 2152, dst: 2152 },
    { proto: 'gtpu', teid: 0x201 },
    eth('02:00:64:40:00:02', '02:00:64:40:00:01', false),
    ip('100.64.0.2', '198.51.100.10', 64, true),
    { proto: 'tcp', src: 40001, dst: 443 },
  ],
  payload: 8,
};
const vxlan: Packet = {
  headers: [
    eth('02:00:0a:0a:00:01', '02:00:0a:0a:00:02'),
    ip('10.10.0.1', '10.10.0.2', 64, true),
    { proto: 'udp', src: 58172, dst: 4789 },
    { proto: 'vxlan', vni: 5001 },
    eth('02:00:c0:a8:01:01', '02:00:c0:a8:01:02'),
    ip('203.0.113.1', '192.168.1.2', 57, true),
    { proto: 'tcp', src: 1025, dst: 443 },
  ],
  payload: 8,
};

describe('encodeFrame: byte-exact', () => {
  test('Ethernet II / IPv4 / UDP, padded to the 60-byte minimum', () => {
    expect(hex(encodeFrame(udpDns, { ipId: 0x1234 }))).toBe(
      '02000a000402' + '02000a000401' + '0800' + // dst, src, IPv4
        '4500 0020 1234 0000 4011 302f 0a000402 c6336435'.replace(/ /g, '') + // total 32, no DF, TTL 64, UDP
        '9c41 0035 000c 2af5'.replace(/ /g, '') + // 40001 → 53, length 12, checksum
        '00000000' + // the 4 payload bytes
        '00'.repeat(14), // Ethernet padding to 60
    );
  });

  test('TCP with the simulator\'s seq, ack, flags and window; DF set', () => {
    const frame = encodeFrame(tcpSynAck, { ipId: 1, tcp: { seq: 1000, ack: 2000, flags: TCP_FLAG.SYN | TCP_FLAG.ACK, window: 29200 } });
    expect(hex(frame)).toBe(
      '0200c0a80103' + '0200c0a80102' + '0800' +
        '4500 0028 0001 4000 4006 b779 c0a80102 c0a80103'.replace(/ /g, '') +
        '9c41 1f90 000003e8 000007d0 50 12 7210 f2e2 0000'.replace(/ /g, '') + // data offset 5, SYN+ACK
        '00'.repeat(6),
    );
  });

  test('GTP-U G-PDU carrying the bare inner IPv4 packet: the conceptual inner MACs are not encoded', () => {
    expect(hex(encodeFrame(gtpu, { ipId: 7 }))).toBe(
      '02000a000102' + '02000a000101' + '0800' +
        '4500 0054 d880 0000 4011 8c16 0a000101 0a000102'.replace(/ /g, '') + // 84 = 20 + 8 + 8 + 48
        '0868 0868 0040 340e'.replace(/ /g, '') + // 2152 → 2152, length 64
        '30 ff 0030 00000201'.replace(/ /g, '') + // v1 PT=1, G-PDU, length 48, TEID
        '4500 0030 0007 4000 4006 ac41 64400002 c633640a'.replace(/ /g, '') + // the phone's packet, straight away
        '9c41 01bb 00000001 00000001 50 18 ffff 8346 0000'.replace(/ /g, '') + // PSH+ACK, window 65535
        '00'.repeat(8),
    );
  });

  test('VXLAN carrying the inner Ethernet frame; the outer UDP checksum is zero (RFC 7348)', () => {
    expect(hex(encodeFrame(vxlan, { ipId: 9 }))).toBe(
      '02000a0a0002' + '02000a0a0001' + '0800' +
        '4500 0062 1e8e 4000 4011 07e7 0a0a0001 0a0a0002'.replace(/ /g, '') + // 98 = 20 + 8 + 8 + 14 + 48
        'e33c 12b5 004e 0000'.replace(/ /g, '') + // 58172 → 4789, length 78, no checksum
        '08 000000 001389 00'.replace(/ /g, '') + // I flag, VNI 5001
        '0200c0a80102' + '0200c0a80101' + '0800' +
        '4500 0030 0009 4000 3906 4413 cb007101 c0a80102'.replace(/ /g, '') + // TTL 57
        '0401 01bb 00000001 00000001 50 18 ffff ac5a 0000'.replace(/ /g, '') +
        '00'.repeat(8),
    );
  });
});

describe('encodeFrame: lengths and checksums at every nesting', () => {
  for (const [name, packet] of Object.entries({ udpDns, tcpSynAck, gtpu, vxlan })) {
    test(`${name}: every IPv4 total length, UDP length and GTP-U length ends at the payload's end; every checksum verifies`, () => {
      const frame = encodeFrame(packet);
      const onWire = packet.headers.filter((h) => h.proto !== 'eth' || h.onWire);
      const size = (h: Header) => ({ eth: 14, ipv4: 20, udp: 8, tcp: 20, gtpu: 8, vxlan: 8 })[h.proto];
      const end = onWire.reduce((n, h) => n + size(h), 0) + packet.payload;
      expect(frame.length).toBe(Math.max(end, MIN_FRAME));
      let at = 0;
      onWire.forEach((h, i) => {
        if (h.proto === 'ipv4') {
          expect(u16(frame, at + 2)).toBe(end - at);
          expect(internetChecksum(frame, at, at + 20)).toBe(0);
        }
        if (h.proto === 'udp') expect(u16(frame, at + 4)).toBe(end - at);
        if (h.proto === 'gtpu') expect(u16(frame, at + 2)).toBe(end - at - 8);
        if ((h.proto === 'udp' && u16(frame, at + 6) !== 0) || h.proto === 'tcp') {
          const ipAt = at - 20;
          expect(internetChecksum(frame, at, end, pseudoHeaderSum(frame, ipAt, h.proto === 'udp' ? 17 : 6, end - at))).toBe(0);
        }
        if (h.proto === 'udp') expect(u16(frame, at + 6) === 0).toBe(onWire[i + 1]?.proto === 'vxlan');
        at += size(h);
      });
    });
  }

  test('a UDP checksum that computes to zero is sent as ffff', () => {
    // The checksum with a zero word in the payload is c; putting c there instead makes the sum ffff, its complement 0.
    const zero = encodeFrame(udpDns, { payload: new Uint8Array(2) });
    const c = u16(zero, 14 + 20 + 6);
    const frame = encodeFrame(udpDns, { payload: Uint8Array.of(c >> 8, c & 0xff) });
    expect(u16(frame, 14 + 20 + 6)).toBe(0xffff);
  });

  test('given payload bytes are carried and set every length', () => {
    const payload = new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n');
    const frame = encodeFrame(gtpu, { payload });
    expect(frame.length).toBe(14 + 20 + 8 + 8 + 20 + 20 + payload.length);
    expect(u16(frame, 14 + 2)).toBe(frame.length - 14);
    expect(Buffer.from(frame.subarray(frame.length - payload.length)).toString()).toBe('GET / HTTP/1.1\r\n\r\n');
  });

  test('TCP defaults: a segment of an established connection, PSH only with data', () => {
    const flags = (p: Packet, at: number) => encodeFrame(p)[at];
    expect(flags(tcpSynAck, 14 + 20 + 13)).toBe(TCP_FLAG.ACK);
    expect(flags({ ...tcpSynAck, payload: 1 }, 14 + 20 + 13)).toBe(TCP_FLAG.ACK | TCP_FLAG.PSH);
  });
});

describe('encodeFrame: identification', () => {
  const id = (p: Packet, at = 14) => u16(encodeFrame(p), at + 4);
  const withTtl = (p: Packet, ttl: number): Packet => ({ ...p, headers: p.headers.map((h) => (h.proto === 'ipv4' ? { ...h, ttl } : h)) });

  test('the same packet gets the same identification on every hop (TTL is not part of it)', () => {
    expect(id(withTtl(udpDns, 61))).toBe(id(udpDns));
    expect(encodeFrame(udpDns)).toEqual(encodeFrame(udpDns));
  });

  test('another connection gets another identification', () => {
    const other: Packet = { ...udpDns, headers: [udpDns.headers[0], udpDns.headers[1], { proto: 'udp', src: 40002, dst: 53 }] };
    expect(id(other)).not.toBe(id(udpDns));
  });

  test('ipId numbers the end-to-end packet; the tunnel header\'s follows from it', () => {
    const inner = 14 + 20 + 8 + 8;
    expect(u16(encodeFrame(gtpu, { ipId: 42 }), inner + 4)).toBe(42);
    expect(id(gtpu)).not.toBe(u16(encodeFrame(gtpu, { ipId: 42 }), 14 + 4));
  });
});

describe('encodeFrame: what no wire carries', () => {
  test('a UE\'s packet on the radio has no Ethernet to encode', () => {
    const radio: Packet = { headers: [eth('02:00:64:40:00:02', '02:00:64:40:00:01', false), ...udpDns.headers.slice(1)], payload: 4 };
    expect(isEthernetFrame(radio)).toBe(false);
    expect(isEthernetFrame(udpDns)).toBe(true);
    expect(() => encodeFrame(radio)).toThrow(/cannot encode ipv4 after start/);
  });

  test('GTP-U carries IP, not an on-wire Ethernet frame', () => {
    const bad: Packet = { ...gtpu, headers: gtpu.headers.map((h, i) => (i === 4 ? { ...(h as Eth), onWire: true } : h)) };
    expect(() => encodeFrame(bad)).toThrow(/cannot encode eth after gtpu/);
  });

  test('an IPv4 packet longer than its 16-bit length field', () => {
    expect(() => encodeFrame({ ...udpDns, payload: 65535 - 28 })).not.toThrow();
    expect(() => encodeFrame({ ...udpDns, payload: 65535 - 27 })).toThrow(RangeError);
  });

  test('a stack must end with a transport header', () => {
    expect(() => encodeFrame({ headers: udpDns.headers.slice(0, 2), payload: 0 })).toThrow(/ending with ipv4/);
  });
});
