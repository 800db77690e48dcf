// The network model of the flagship: addresses, MACs, tunnels and NAT decided as docs/language.md says.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/driver/index.js';
import type { GtpTunnel, Network, VxlanTunnel } from '../../src/model/index.js';

function model(path: string): Network {
  const c = compile([path]).compilations[0];
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return c.network!;
}

const net = model('examples/order-from-phone.topo');
const node = (name: string) => net.nodes.find((n) => n.name === name)!;
const ifaces = (name: string) => node(name).interfaces.map((i) => net.interfaces[i]);
const addr = (name: string) => ifaces(name).map((i) => `${i.address}/${i.prefixLength}`);

describe('flagship network model', () => {
  it('numbers point-to-point links from their declared subnets in link order', () => {
    expect(addr('enb')).toEqual(['10.0.1.1/30']);
    expect(addr('sgw')).toEqual(['10.0.1.2/30', '10.0.2.1/30']);
    expect(addr('a2')).toEqual(['203.0.113.18/30', '203.0.113.21/30']);
  });

  it('gives the UE the first free address of its anchor’s pool, after the anchor’s own', () => {
    expect(addr('phone')).toEqual(['100.64.0.2/16']);
    expect(addr('pgw')).toContain('100.64.0.1/16');
  });

  it('places a declared address on the segment whose subnet holds it', () => {
    expect(addr('gw')).toEqual(['198.51.100.10/24', '192.168.1.1/24']);
    expect(ifaces('gw').map((i) => i.addressOrigin)).toEqual(['declared', 'assigned']);
    expect(addr('gslbhost')).toEqual(['198.51.100.53/24']);
  });

  it('numbers VMs after the gateway, in declaration order', () => {
    expect(['haproxy', 'controller', 'dbvm'].map((n) => addr(n)[0])).toEqual(['192.168.1.2/24', '192.168.1.3/24', '192.168.1.4/24']);
  });

  it('derives MACs from addresses', () => {
    expect(ifaces('enb')[0].mac).toBe('02:00:0a:00:01:01');
    expect(ifaces('phone')[0].mac).toBe('02:00:64:40:00:02');
  });

  it('creates S1-U and S5 with TEIDs chosen by the receiving end, per direction', () => {
    const gtp = net.tunnels.filter((t): t is GtpTunnel => t.type === 'gtpu');
    expect(gtp.map((t) => [t.name, net.nodes[t.near].name, net.nodes[t.far].name])).toEqual([['S1-U', 'enb', 'sgw'], ['S5', 'sgw', 'pgw']]);
    const [s1u, s5] = gtp;
    // Each node numbers from its own base: enb 0x100, sgw 0x200, pgw 0x300.
    expect([s1u.uplinkTeid, s1u.downlinkTeid, s5.uplinkTeid, s5.downlinkTeid]).toEqual([0x201, 0x101, 0x301, 0x202]);
    expect([s1u.nearAddress, s1u.farAddress, s5.nearAddress, s5.farAddress]).toEqual(['10.0.1.1', '10.0.1.2', '10.0.2.1', '10.0.2.2']);
  });

  it('meshes VXLAN between the OVS hosts of the VPC with its VNI', () => {
    const vx = net.tunnels.filter((t): t is VxlanTunnel => t.type === 'vxlan');
    expect(vx.map((t) => [net.nodes[t.a].name, net.nodes[t.b].name, t.vni, t.aAddress, t.bAddress])).toEqual([
      ['gwhost', 'hostA', 5001, '10.10.0.1', '10.10.0.2'],
      ['gwhost', 'hostB', 5001, '10.10.0.1', '10.10.0.3'],
      ['hostA', 'hostB', 5001, '10.10.0.2', '10.10.0.3'],
    ]);
  });

  it('turns the carrier NAT and the gateway’s public address into NAT rules', () => {
    expect(net.nats.map((r) => (r.type === 'napt' ? [r.type, r.inside, r.pool] : [r.type, r.public, r.private]))).toEqual([
      ['napt', ['100.64.0.0/16', '10.0.4.0/30'], '203.0.113.0/28'],
      ['static', '198.51.100.10', '192.168.1.2'],
    ]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(model('examples/order-from-phone.topo'))).toBe(JSON.stringify(net));
  });
});
