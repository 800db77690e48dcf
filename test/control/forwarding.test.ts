// Static routes and what following the FIBs finds: loops, black holes, null routes, unresolvable next hops.
import { describe, expect, it } from 'vitest';
import { computeRoutes, lookupFib } from '../../src/control/index.js';
import { best, P } from './helpers.js';
import { net } from './net.js';

const Q = '172.16.0.0/16';

describe('static routes and forwarding', () => {
  it('resolves a static next hop recursively and forwards by longest prefix', () => {
    // a -- b -- c (no AS: no IGP). a: Q via c's address, which resolves through a static /30 via b.
    const input = net({ routers: { a: {}, b: {}, c: {} }, links: [['a', 'b'], ['b', 'c']] });
    input.routers.find((x) => x.name === 'a')!.staticRoutes = [
      { prefix: '10.0.0.4/30', nextHop: '10.0.0.2' },
      { prefix: Q, nextHop: '10.0.0.6' },
      { prefix: '172.16.9.0/24', drop: true },
    ];
    input.routers.find((x) => x.name === 'b')!.staticRoutes = [{ prefix: Q, nextHop: '10.0.0.6' }];
    const result = computeRoutes(input);
    const entry = best(result, 'a', Q);
    expect(entry).toMatchObject({ protocol: 'static', nextHop: '10.0.0.6', nextHopNode: 'c' });
    const fib = result.nodes.a.fib;
    expect(lookupFib(fib, '172.16.1.1')).toMatchObject({ prefix: Q, nextHop: '10.0.0.2', nextHopNode: 'b', interface: 'eth0' });
    expect(lookupFib(fib, '172.16.9.1')).toMatchObject({ prefix: '172.16.9.0/24', action: 'drop' });
    expect(lookupFib(fib, '8.8.8.8')).toBeNull();
    // c has no route for Q, but Q is announced by nobody: a prefix known only to static routes is checked for
    // loops, not black holes (a default route toward a router without one is normal).
    expect(result.findings).toEqual([]);
  });

  it('reports a forwarding loop with its cycle', () => {
    const input = net({ routers: { a: {}, b: {}, c: {} }, links: [['a', 'b'], ['b', 'c']] });
    const route = (router: string, nextHop: string) => (input.routers.find((x) => x.name === router)!.staticRoutes = [{ prefix: Q, nextHop }]);
    route('a', '10.0.0.2');
    route('b', '10.0.0.6');
    route('c', '10.0.0.5');
    const loops = computeRoutes(input).findings.filter((f) => f.code === 'forwarding-loop');
    expect(loops).toEqual([{ code: 'forwarding-loop', message: `forwarding loop for ${Q}: b → c → b`, nodes: ['b', 'c'], prefixes: [Q] }]);
  });

  it('reports a static route whose next hop does not resolve', () => {
    const input = net({ routers: { a: {}, b: {} }, links: [['a', 'b']] });
    input.routers[0].staticRoutes = [{ prefix: Q, nextHop: '192.0.2.77' }];
    const result = computeRoutes(input);
    const entry = result.nodes.a.rib.find((e) => e.prefix === Q)!;
    expect(entry).toMatchObject({ best: false, reason: 'next hop 192.0.2.77 unresolvable' });
    expect(result.nodes.a.fib.find((f) => f.prefix === Q)).toBeUndefined();
    expect(result.findings.map((f) => f.code)).toContain('unresolvable-next-hop');
  });

  it('reports a BGP route whose iBGP next hop is unreachable', () => {
    // x learns P from y over eBGP; x's iBGP peer w hears it with y's address as next hop, but the x–y link's
    // subnet is not in w's IGP because w reaches x only through a static route, not a shared IGP link.
    const input = net({
      routers: { x: 1, w: 1, y: 2, m: {} },
      links: [['x', 'm'], ['m', 'w'], ['x', 'y']],
      sessions: [
        { a: { router: 'x', address: '10.0.0.1' }, b: { router: 'w', address: '10.0.0.6' } },
        { a: { router: 'x' }, b: { router: 'y' } },
      ],
      announce: [['y', P]],
    });
    input.routers.find((r) => r.name === 'x')!.staticRoutes = [{ prefix: '10.0.0.4/30', nextHop: '10.0.0.2' }];
    input.routers.find((r) => r.name === 'w')!.staticRoutes = [{ prefix: '10.0.0.0/30', nextHop: '10.0.0.5' }];
    const result = computeRoutes(input);
    expect(result.sessions.every((s) => s.established)).toBe(true);
    const atW = result.nodes.w.rib.find((e) => e.prefix === P)!;
    expect(atW).toMatchObject({ protocol: 'bgp', nextHop: '10.0.0.10', best: false, reason: 'next hop 10.0.0.10 unresolvable' });
    expect(result.findings.find((f) => f.code === 'unresolvable-next-hop')?.message).toBe(`w cannot resolve next hop 10.0.0.10 (used by ${P})`);
  });

  it('a null route at the origin is a black hole for what reaches it', () => {
    const input = net({ routers: { x: 1, y: 2 }, links: [['x', 'y']], announce: [['y', P]] });
    input.routers.find((r) => r.name === 'y')!.staticRoutes = [{ prefix: P, drop: true }];
    const holes = computeRoutes(input).findings.filter((f) => f.code === 'black-hole');
    expect(holes.map((f) => f.message)).toEqual([`black hole for ${P}: y discards it (null route); traffic from x ends there`]);
  });
});
