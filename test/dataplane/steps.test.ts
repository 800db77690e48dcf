// Each data-plane step on its own: pure functions over header stacks.
import { describe, expect, test } from 'vitest';
import type { FibEntry } from '../../src/control/index.js';
import {
  arp, arpTable, Conntrack, decapGtpu, decapVxlan, decrementTtl, encapGtpu, encapVxlan, ipLength, isDrop, lpm, napt, originate,
  overhead, rewriteL2, staticNatIn, staticNatOut, terminate, unnapt, vxlanSourcePort, type Packet,
} from '../../src/dataplane/index.js';
import type { Network } from '../../src/model/types.js';

const tcp = originate('100.64.0.2', '198.51.100.10', 'tcp', 40001, 443, 512);
const fib = (prefix: string, action: FibEntry['action'], nextHop: string | null = null): FibEntry => ({ prefix, action, nextHop, nextHopNode: null, interface: action === 'drop' ? null : 'eth0' });

describe('LPM', () => {
  const table = [fib('0.0.0.0/0', 'forward', '10.0.0.1'), fib('198.51.100.0/24', 'forward', '10.0.0.2'), fib('198.51.100.128/25', 'drop')];
  test('the longest prefix wins; a connected route resolves the destination itself', () => {
    expect(lpm(table, '198.51.100.10')).toMatchObject({ nextHop: '10.0.0.2', prefix: '198.51.100.0/24' });
    expect(lpm(table, '8.8.8.8')).toMatchObject({ nextHop: '10.0.0.1' });
    expect(lpm([fib('10.0.0.0/30', 'forward')], '10.0.0.2')).toMatchObject({ nextHop: '10.0.0.2' });
  });
  test('no route and null route are drops', () => {
    expect(lpm(table, '198.51.100.200')).toMatchObject({ drop: 'null-route' });
    expect(lpm([], '1.2.3.4')).toMatchObject({ drop: 'no-route' });
  });
});

describe('L2', () => {
  const net = { segments: [{ label: 'a -- b', interfaces: [0, 1] }], interfaces: [{ id: 0, node: 0, segment: 0, address: '10.0.0.1', mac: '02:00:0a:00:00:01' }, { id: 1, node: 1, segment: 0, address: '10.0.0.2', mac: '02:00:0a:00:00:02' }] } as unknown as Network;
  test('ARP finds the interface holding the next hop on the segment, or fails', () => {
    const table = arpTable(net);
    expect(arp(net, table, 0, '10.0.0.2')).toMatchObject({ node: 1, mac: '02:00:0a:00:00:02' });
    expect(arp(net, table, 0, '10.0.0.9')).toMatchObject({ drop: 'arp-failure' });
  });
  test('rewrite adds an Ethernet header to a bare packet and replaces an existing one', () => {
    const once = rewriteL2(tcp, 'aa', 'bb', true);
    expect(once.headers.map((h) => h.proto)).toEqual(['eth', 'ipv4', 'tcp']);
    const twice = rewriteL2(once, 'cc', 'dd', true);
    expect(twice.headers[0]).toEqual({ proto: 'eth', src: 'cc', dst: 'dd', onWire: true });
    expect(twice.headers.slice(1)).toEqual(once.headers.slice(1));
  });
});

describe('TTL', () => {
  test('decrements, and drops a packet that would leave with TTL 0', () => {
    const p = decrementTtl(tcp, 0) as Packet;
    expect(p.headers[0]).toMatchObject({ ttl: 63 });
    const last: Packet = { ...tcp, headers: [{ ...(tcp.headers[0] as object), ttl: 1 } as Packet['headers'][0], tcp.headers[1]] };
    expect(decrementTtl(last, 0)).toMatchObject({ drop: 'ttl-exceeded' });
  });
});

describe('NAT', () => {
  test('NAPT hands out pool ports from 1024, keeps a source\'s mapping, and translates the reply back', () => {
    const ct = new Conntrack(['203.0.113.1']);
    const out = napt(tcp, 0, ct) as Packet;
    expect(out.headers[0]).toMatchObject({ src: '203.0.113.1', dst: '198.51.100.10' });
    expect(out.headers[1]).toMatchObject({ src: 1024, dst: 443 });
    expect((napt(tcp, 0, ct) as Packet).headers[1]).toMatchObject({ src: 1024 });
    const other = originate('100.64.0.3', '198.51.100.10', 'tcp', 40001, 443, 0);
    expect((napt(other, 0, ct) as Packet).headers[1]).toMatchObject({ src: 1025 });
    const reply = originate('198.51.100.10', '203.0.113.1', 'tcp', 443, 1024, 0);
    const back = unnapt(reply, 0, ct) as Packet;
    expect(back.headers[0]).toMatchObject({ dst: '100.64.0.2' });
    expect(back.headers[1]).toMatchObject({ dst: 40001 });
  });
  test('a reply no mapping knows is dropped; an exhausted pool too', () => {
    expect(unnapt(originate('1.1.1.1', '203.0.113.1', 'tcp', 443, 2000, 0), 0, new Conntrack(['203.0.113.1']))).toMatchObject({ drop: 'no-nat-mapping' });
    expect(napt(tcp, 0, new Conntrack([]))).toMatchObject({ drop: 'no-nat-mapping' });
    const ct = new Conntrack(['203.0.113.1']);
    napt(tcp, 0, ct);
    expect(unnapt(originate('1.1.1.1', '203.0.113.1', 'udp', 53, 1024, 0), 0, ct), 'a TCP mapping does not answer UDP').toMatchObject({ drop: 'no-nat-mapping' });
  });
  test('1:1 NAT rewrites the destination in and the source out, ports unchanged', () => {
    expect(staticNatIn(tcp, 0, '192.168.1.2').headers).toEqual([{ ...tcp.headers[0], dst: '192.168.1.2' }, tcp.headers[1]]);
    expect(staticNatOut(tcp, 0, '198.51.100.10').headers[0]).toMatchObject({ src: '198.51.100.10' });
  });
});

describe('tunnels', () => {
  const framed = rewriteL2(tcp, '02:00:64:40:00:02', '02:00:64:40:00:01', true);
  test('GTP-U: UDP 2152 and the TEID; the inner L2 is marked not on the wire; 36 B of overhead', () => {
    const g = encapGtpu(framed, { src: '10.0.1.1', dst: '10.0.1.2' }, 0x201);
    expect(g.headers.map((h) => h.proto)).toEqual(['ipv4', 'udp', 'gtpu', 'eth', 'ipv4', 'tcp']);
    expect(g.headers[1]).toMatchObject({ src: 2152, dst: 2152 });
    expect(g.headers[2]).toEqual({ proto: 'gtpu', teid: 0x201 });
    expect(g.headers[3]).toMatchObject({ onWire: false });
    expect(overhead(g)).toBe(36);
    expect(decapGtpu(g).headers.slice(1)).toEqual(framed.headers.slice(1));
  });
  test('VXLAN: UDP 4789, the VNI, the inner frame on the wire; 50 B of overhead; DF copied', () => {
    const v = encapVxlan(framed, { src: '10.10.0.1', dst: '10.10.0.2' }, 5001);
    expect(v.headers.map((h) => h.proto)).toEqual(['ipv4', 'udp', 'vxlan', 'eth', 'ipv4', 'tcp']);
    expect(v.headers[0]).toMatchObject({ df: true, ttl: 64 });
    expect(v.headers[2]).toEqual({ proto: 'vxlan', vni: 5001 });
    expect(overhead(v)).toBe(50);
    expect(ipLength(v, 0)).toBe(512 + 20 + 20 + 50);
    expect(decapVxlan(v)).toEqual(framed);
  });
  test('the VXLAN source port is a stable hash of the inner flow, in 49152–65535', () => {
    const a = vxlanSourcePort(framed);
    expect(vxlanSourcePort(framed)).toBe(a);
    expect(a).toBeGreaterThanOrEqual(49152);
    expect(a).toBeLessThanOrEqual(65535);
    expect(vxlanSourcePort(originate('100.64.0.2', '198.51.100.10', 'tcp', 40002, 443, 512))).not.toBe(a);
  });
});

describe('proxy', () => {
  test('the proxy\'s own connection starts at the proxy; the request body goes along', () => {
    const p = terminate(tcp, { src: '192.168.1.2', sport: 40001, dst: '192.168.1.3', dport: 8080 });
    expect(p.headers).toEqual([{ proto: 'ipv4', src: '192.168.1.2', dst: '192.168.1.3', ttl: 64, df: true }, { proto: 'tcp', src: 40001, dst: 8080 }]);
    expect(p.payload).toBe(512);
    expect(isDrop(p)).toBe(false);
  });
});
