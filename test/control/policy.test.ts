// Valley-free export, prefix filters and prepending.
import { describe, expect, it } from 'vitest';
import { computeRoutes } from '../../src/control/index.js';
import { best, candidates, P } from './helpers.js';
import { net } from './net.js';

// cust (AS 3) buys transit from p1 (AS 1) and p2 (AS 2); p1 and p2 are not connected. p1 announces P.
const multihomed = (valleyFree: boolean) =>
  net({
    routers: { cust: 3, p1: 1, p2: 2 },
    links: [['cust', 'p1', { provider: 'p1' }], ['cust', 'p2', { provider: 'p2' }]],
    announce: [['p1', P]],
    options: { valleyFree },
  });

describe('valley-free export', () => {
  it('a customer multi-homed to two providers does not become transit between them', () => {
    const r = computeRoutes(multihomed(true));
    expect(best(r, 'cust').peer).toBe('p1');
    expect(candidates(r, 'p2')).toEqual([]);
    expect(r.findings.find((f) => f.code === 'prefix-unreachable')?.message).toBe(`${P}, announced by p1, has no route in AS 2`);
  });

  it('without valley-free export the customer does carry it', () => {
    const r = computeRoutes(multihomed(false));
    expect(best(r, 'p2').asPath).toEqual([3, 1]);
  });

  it("a customer's own prefix goes to both providers, and on to the providers' peers", () => {
    const r = computeRoutes(
      net({
        routers: { cust: 3, p1: 1, p2: 2, peer: 4 },
        links: [['cust', 'p1', { provider: 'p1' }], ['cust', 'p2', { provider: 'p2' }], ['p1', 'peer', { peer: true }]],
        announce: [['cust', P]],
      }),
    );
    expect(best(r, 'p1').asPath).toEqual([3]);
    expect(best(r, 'p2').asPath).toEqual([3]);
    expect(best(r, 'peer').asPath).toEqual([1, 3]);
  });

  it('routes learned from a peer go to customers but not to other peers', () => {
    const r = computeRoutes(
      net({
        routers: { a: 1, b: 2, c: 3, d: 4 },
        links: [['a', 'b', { peer: true }], ['b', 'c', { peer: true }], ['b', 'd', { provider: 'b' }]],
        announce: [['a', P]],
      }),
    );
    expect(best(r, 'd').asPath).toEqual([2, 1]);
    expect(candidates(r, 'c')).toEqual([]);
  });
});

describe('session policy', () => {
  it('deny_out and deny_in filter the prefix on one session only', () => {
    const r = computeRoutes(
      net({
        routers: { x: 1, y: 2, z: 3 },
        links: [['x', 'y', { policy: { y: { denyOut: [P] } } }], ['x', 'z', { policy: { x: { denyIn: ['198.51.100.0/24'] } } }]],
        announce: [['y', P], ['z', P]],
      }),
    );
    expect(candidates(r, 'x')).toEqual([]);
  });

  it('prepend lengthens the AS path the neighbour sees', () => {
    const r = computeRoutes(
      net({
        routers: { x: 1, y: 2, z: 3 },
        links: [['x', 'y', { policy: { y: { prepend: 2 } } }], ['x', 'z']],
        announce: [['y', P], ['z', P]],
      }),
    );
    const viaY = candidates(r, 'x').find((e) => e.peer === 'y')!;
    expect(viaY.asPath).toEqual([2, 2, 2]);
    expect(best(r, 'x').peer).toBe('z');
  });

  it('bgp: off on a link forms no session', () => {
    const r = computeRoutes(net({ routers: { x: 1, y: 2 }, links: [['x', 'y', { bgp: false }]], announce: [['y', P]] }));
    expect(r.sessions).toEqual([]);
    expect(candidates(r, 'x')).toEqual([]);
  });
});
