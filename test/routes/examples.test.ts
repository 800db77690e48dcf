// The routing claims the examples make in their comments, checked against the computed routes.
import { describe, expect, it } from 'vitest';
import { lookupFib, type RoutingResult } from '../../src/control/index.js';
import { compile } from '../../src/driver/index.js';

const routesOf = (path: string): RoutingResult => compile([path]).compilations[0].routing!;

/** The routers a packet to `address` crosses from `from`, following FIBs. */
function fibPath(r: RoutingResult, from: string, address: string): string[] {
  const path: string[] = [];
  for (let at: string | null = from; at !== null && path.length < 20; at = lookupFib(r.nodes[at].fib, address)?.nextHopNode ?? null) path.push(at);
  return path;
}

describe('valley-free.topo', () => {
  const r = routesOf('examples/valley-free.topo');

  it('the customer does not become transit: pa reaches pb’s prefix only over the peering', () => {
    const candidates = r.nodes.pa.rib.filter((e) => e.prefix === '203.0.113.0/24');
    expect(candidates.map((e) => [e.nextHopNode, e.asPath])).toEqual([['pb', [64702]]]);
    expect(fibPath(r, 'pa', '203.0.113.10')).toEqual(['pa', 'pb']);
  });

  it('the customer still reaches both providers', () => {
    expect(fibPath(r, 'ca', '198.51.100.10')).toEqual(['ca', 'pa']);
    expect(fibPath(r, 'ca', '203.0.113.10')).toEqual(['ca', 'cb', 'pb']);
  });
});

describe('route-reflector.topo', () => {
  const r = routesOf('examples/route-reflector.topo');

  it('clients peer with the reflectors only, and every session comes up', () => {
    const ibgp = r.sessions.filter((s) => s.kind === 'ibgp').map((s) => [s.a, s.b].sort().join(' -- '));
    expect(ibgp.every((s) => s.includes('rr1') || s.includes('rr2'))).toBe(true);
    expect(r.sessions.filter((s) => !s.established)).toEqual([]);
  });

  it('reflected routes keep the edge’s next hop, so packets never cross a reflector', () => {
    expect(r.nodes.cust.rib.find((e) => e.prefix === '198.51.100.0/24' && e.best)).toMatchObject({ nextHopNode: 'pe1', asPath: [64600, 64602] });
    const path = fibPath(r, 'cust', '198.51.100.10');
    expect(path).not.toContain('rr1');
    expect(path).not.toContain('rr2');
    expect(path.slice(0, 4)).toEqual(['cust', 'pe1', 'p1', 'pe2']);
  });
});
