// The seed's header tables (../shared/seed/order-journey.en.md, steps 34–39, 42–43, 55–59), field by field,
// from the flagship's `--flow order` JSON.
import { describe, expect, test } from 'vitest';
import type { FlowDoc, HeaderDoc, HopDoc } from '../../src/emit/hops-doc.js';
import { FLAGSHIP, hops } from './helpers.js';

const doc = (reply = false, flow = 'order') => (JSON.parse(hops(FLAGSHIP, { flow, reply, format: 'json' }).output) as { flows: FlowDoc[] }).flows[0];
const order = doc();
/** The phone's connection to the SLB, and the SLB's to the controller: the segments the seed draws. */
const toSlb = order.segments.find((s) => s.server === 'slb')!.index;
const toApi = order.segments.find((s) => s.server === 'api')!.index;
const hop = (from: string, to: string, segment = toSlb, f = order): HopDoc => {
  const h = f.hops.find((x) => x.segment === segment && x.from === from && x.to === to);
  if (!h) throw new Error(`no hop ${from} → ${to} in segment ${segment}`);
  return h;
};
/** The n-th header of a protocol in a hop, outermost first. */
const layer = (h: HopDoc, proto: HeaderDoc['proto'], n = 0) => h.headers.filter((x) => x.proto === proto)[n];

describe('mobile core (steps 34–39)', () => {
  test('step 34: as the phone sends it, UE MAC → the PGW tunnel endpoint MAC (conceptual), UE IP → SLB public IP', () => {
    const h = hop('phone', 'enb');
    expect(layer(h, 'eth')).toMatchObject({ srcOwner: 'phone', dstOwner: 'pgw', onWire: false });
    expect(layer(h, 'ipv4')).toMatchObject({ srcOwner: 'phone', dst: '198.51.100.10', dstOwner: 'gw' });
  });

  test('steps 35–36: two GTP-U hops with different TEIDs, outer between the tunnel ends, inner unchanged', () => {
    const s1u = hop('enb', 'sgw');
    const s5 = hop('sgw', 'pgw');
    for (const [h, a, b] of [[s1u, 'enb', 'sgw'], [s5, 'sgw', 'pgw']] as const) {
      expect(layer(h, 'eth', 0)).toMatchObject({ srcOwner: a, dstOwner: b, onWire: true });
      expect(layer(h, 'ipv4', 0)).toMatchObject({ srcOwner: a, dstOwner: b });
      expect(layer(h, 'udp', 0)).toMatchObject({ src: 2152, dst: 2152 });
      expect(layer(h, 'eth', 1)).toMatchObject({ srcOwner: 'phone', dstOwner: 'pgw', onWire: false });
      expect(layer(h, 'ipv4', 1)).toMatchObject({ src: '100.64.0.2', dst: '198.51.100.10' });
    }
    expect(layer(s1u, 'gtpu').teid).not.toBe(layer(s5, 'gtpu').teid);
    expect(s5.changes.join('; ')).toMatch(/decap GTP-U S1-U.*encap GTP-U S5/);
  });

  test('step 38: after the PGW, its egress MAC → the NAT, the UE address still the source', () => {
    const h = hop('pgw', 'nat');
    expect(h.headers.map((x) => x.proto)).toEqual(['eth', 'ipv4', 'tcp']);
    expect(layer(h, 'eth')).toMatchObject({ srcOwner: 'pgw', dstOwner: 'nat' });
    expect(layer(h, 'ipv4')).toMatchObject({ src: '100.64.0.2', dst: '198.51.100.10' });
  });

  test('step 39: the NAT hop changes the source to the public address and port', () => {
    const h = hop('nat', 'a2');
    expect(layer(h, 'eth')).toMatchObject({ srcOwner: 'nat', dstOwner: 'a2' });
    expect(layer(h, 'ipv4')).toMatchObject({ src: '203.0.113.1', srcOwner: 'nat', dst: '198.51.100.10' });
    expect(layer(h, 'tcp')).toMatchObject({ src: 1025, dst: 443 });
    expect(h.changes).toContain('NAPT src 100.64.0.2:40001 → 203.0.113.1:1025');
  });
});

describe('Internet (steps 42–44)', () => {
  test('a2 → c1 → c2 → border changes only MACs and TTL', () => {
    const path = [hop('nat', 'a2'), hop('a2', 'c1'), hop('c1', 'c2'), hop('c2', 'border')];
    for (let i = 1; i < path.length; i++) {
      const [before, after] = [path[i - 1], path[i]];
      expect(layer(after, 'eth')).toMatchObject({ srcOwner: before.to, dstOwner: after.to });
      expect(layer(after, 'ipv4')).toEqual({ ...layer(before, 'ipv4'), ttl: layer(before, 'ipv4').ttl! - 1 });
      expect(layer(after, 'tcp')).toEqual(layer(before, 'tcp'));
    }
  });

  test('step 44: the border reaches the gateway through the core and aggregation switches', () => {
    expect(hop('border', 'gw').switches).toEqual(['core', 'agg']);
  });
});

describe('cloud VPC (steps 55–59)', () => {
  test('step 55: the gateway routes out of its private port to the HAProxy VM (1:1 NAT)', () => {
    const h = hop('gw', 'gwhost');
    expect(layer(h, 'eth')).toMatchObject({ srcOwner: 'gw', dstOwner: 'haproxy' });
    expect(layer(h, 'ipv4')).toMatchObject({ src: '203.0.113.1', dstOwner: 'haproxy' });
    expect(h.changes[0]).toMatch(/^1:1 NAT dst 198\.51\.100\.10 → 192\.168\.1\./);
  });

  test('step 56: VXLAN gwhost → hostA, VNI 5001, inner gateway → HAProxy', () => {
    const h = hop('gwhost', 'hostA');
    expect(layer(h, 'eth', 0)).toMatchObject({ srcOwner: 'gwhost', dstOwner: 'hostA' });
    expect(layer(h, 'ipv4', 0)).toMatchObject({ srcOwner: 'gwhost', dstOwner: 'hostA' });
    expect(layer(h, 'udp')).toMatchObject({ dst: 4789 });
    expect(layer(h, 'vxlan').vni).toBe(5001);
    expect(layer(h, 'eth', 1)).toMatchObject({ srcOwner: 'gw', dstOwner: 'haproxy', onWire: true });
    expect(layer(h, 'ipv4', 1)).toMatchObject({ src: '203.0.113.1', dstOwner: 'haproxy' });
    expect(hop('hostA', 'haproxy').changes).toEqual(['decap VXLAN VNI 5001']);
  });

  test('step 58: HAProxy is the client of its own connection; it no longer sees the phone', () => {
    const h = hop('haproxy', 'hostA', toApi);
    expect(layer(h, 'eth')).toMatchObject({ srcOwner: 'haproxy', dstOwner: 'controller' });
    expect(layer(h, 'ipv4')).toMatchObject({ srcOwner: 'haproxy', dstOwner: 'controller' });
  });

  test('step 59: VXLAN hostA → hostB with inner HAProxy → controller', () => {
    const h = hop('hostA', 'hostB', toApi);
    expect(layer(h, 'ipv4', 0)).toMatchObject({ srcOwner: 'hostA', dstOwner: 'hostB' });
    expect(layer(h, 'vxlan').vni).toBe(5001);
    expect(layer(h, 'eth', 1)).toMatchObject({ srcOwner: 'haproxy', dstOwner: 'controller' });
    expect(layer(h, 'ipv4', 1)).toMatchObject({ srcOwner: 'haproxy', dstOwner: 'controller' });
  });
});

describe('flows', () => {
  test('the DNS lookup comes first: phone → local resolver → GSLB', () => {
    expect(order.segments.slice(0, 3).map((s) => [s.client, s.server, s.protocol])).toEqual([
      ['phone', 'ldns', 'udp/53'],
      ['dns1', 'shopdns', 'udp/53'],
      ['phone', 'slb', 'tcp/443'],
    ]);
    expect(order.segments.map((s) => s.server)).toEqual(['ldns', 'shopdns', 'slb', 'api', 'orders', 'orderdb']);
    expect(order.disposition).toBe('delivered');
  });

  test('path MTUs carry the encapsulation overheads (GTP-U 36 B, VXLAN 50 B)', () => {
    expect(order.segments.map((s) => s.pathMtu)).toEqual([1464, 1500, 1450, 1450, null, 1500]);
  });

  test('the asset flow ends at the CDN cache, not in the VPC', () => {
    const asset = doc(false, 'asset');
    expect(asset.segments.at(-1)).toMatchObject({ client: 'phone', server: 'varnish' });
    expect(asset.hops.at(-1)!.to).toBe('cdnhost');
    expect(asset.hops.some((h) => h.to === 'border' || h.to === 'gw')).toBe(false);
  });

  test('--reply: reverse 1:1 NAT and NAPT, then down the bearer with the downlink TEIDs', () => {
    const reply = doc(true);
    const request = order;
    const back = (from: string, to: string) => hop(from, to, toSlb, reply);
    expect(back('gw', 'border').changes).toContain(`1:1 NAT src ${layer(hop('gw', 'gwhost'), 'ipv4').dst} → 198.51.100.10`);
    expect(back('nat', 'pgw').changes).toContain('NAPT dst 203.0.113.1:1025 → 100.64.0.2:40001');
    const down = [layer(back('pgw', 'sgw'), 'gtpu').teid, layer(back('sgw', 'enb'), 'gtpu').teid];
    const up = [layer(hop('sgw', 'pgw', toSlb, request), 'gtpu').teid, layer(hop('enb', 'sgw', toSlb, request), 'gtpu').teid];
    expect(new Set([...down, ...up]).size).toBe(4);
    expect(back('enb', 'phone').headers.map((h) => h.proto)).toEqual(['eth', 'ipv4', 'tcp']);
    expect(layer(back('enb', 'phone'), 'tcp')).toMatchObject({ src: 443, dst: 40001 });
  });
});
