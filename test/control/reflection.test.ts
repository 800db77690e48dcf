// RFC 4456 route reflection: which sessions are derived, what is reflected to whom, and loop prevention.
import { describe, expect, it } from 'vitest';
import { computeRoutes, deriveSessions } from '../../src/control/index.js';
import { best, candidates, P } from './helpers.js';
import { net } from './net.js';

// AS 100: reflector rr with clients c1 and c2, and a non-client n. ext (AS 200) announces P to c1.
const spec = {
  routers: {
    rr: { asn: 100, routeReflector: true, clients: ['c1', 'c2'] },
    c1: 100,
    c2: 100,
    n: 100,
    ext: 200,
  },
  links: [['rr', 'c1'], ['rr', 'c2'], ['rr', 'n'], ['c1', 'ext']] as [string, string][],
  announce: [['ext', P]] as [string, string][],
};

describe('route reflection', () => {
  it('derives reflector–client sessions and a mesh of non-clients, but no client–client session', () => {
    const pairs = deriveSessions(net(spec))
      .map((s) => `${s.a.router}-${s.b.router}`)
      .sort();
    expect(pairs).toEqual(['c1-ext', 'c1-rr', 'c2-rr', 'n-rr']);
  });

  it('derives a full iBGP mesh when the AS has no reflector', () => {
    const pairs = deriveSessions(net({ routers: { a: 1, b: 1, c: 1 }, links: [['a', 'b'], ['b', 'c']] })).map((s) => `${s.a.router}-${s.b.router}`);
    expect(pairs).toEqual(['a-b', 'a-c', 'b-c']);
  });

  it("reflects a client's route to the other clients and to non-clients, keeping the next hop", () => {
    const r = computeRoutes(net(spec));
    for (const node of ['c2', 'n']) {
      const route = best(r, node);
      expect(route.peer).toBe('rr');
      expect(route.nextHopNode).toBe('ext'); // iBGP keeps the eBGP next hop; it resolves through the IGP
      expect(route.asPath).toEqual([200]);
    }
    expect(r.nodes.c2.fib.find((f) => f.prefix === P)).toMatchObject({ nextHopNode: 'rr', action: 'forward' });
  });

  it("reflects a non-client's route to clients only", () => {
    // ext2 (AS 300) announces Q to the non-client n: rr reflects it to c1 and c2.
    const Q = '203.0.113.0/24';
    const input = net({ ...spec, routers: { ...spec.routers, ext2: 300 }, links: [...spec.links, ['n', 'ext2']], announce: [['ext2', Q]] });
    const r = computeRoutes(input);
    expect(best(r, 'c1', Q).peer).toBe('rr');
    expect(best(r, 'c2', Q).peer).toBe('rr');
    // A second non-client m learns Q from n directly (full mesh of non-clients), never reflected by rr.
    const withM = net({
      ...spec,
      routers: { ...spec.routers, ext2: 300, m: 100 },
      links: [...spec.links, ['n', 'ext2'], ['rr', 'm']],
      announce: [['ext2', Q]],
    });
    const r2 = computeRoutes(withM);
    expect(candidates(r2, 'm', Q).map((e) => e.peer)).toEqual(['n']);
  });

  it('drops a reflected route that carries its own cluster id (two reflectors of one cluster)', () => {
    // rr1 and rr2 share cluster 10.255.255.1 and both serve c1 and c2. c2 hears P from both reflectors, but
    // neither reflector accepts the other's copy: its CLUSTER_LIST already holds their cluster.
    const cluster = { routeReflector: true, clients: ['c1', 'c2'], clusterId: '10.255.255.1' };
    const r = computeRoutes(
      net({
        routers: { rr1: { asn: 100, ...cluster }, rr2: { asn: 100, ...cluster }, c1: 100, c2: 100, ext: 200 },
        links: [['rr1', 'c1'], ['rr2', 'c1'], ['rr1', 'c2'], ['rr2', 'c2'], ['rr1', 'rr2'], ['c1', 'ext']],
        announce: [['ext', P]],
      }),
    );
    expect(candidates(r, 'rr1').map((e) => e.peer)).toEqual(['c1']);
    expect(candidates(r, 'rr2').map((e) => e.peer)).toEqual(['c1']);
    expect(candidates(r, 'c2').map((e) => e.peer).sort()).toEqual(['rr1', 'rr2']);
  });

  it('sets itself as next hop with next_hop_self', () => {
    const r = computeRoutes(net({ ...spec, routers: { ...spec.routers, c1: { asn: 100, nextHopSelf: true } } }));
    expect(best(r, 'c2').nextHopNode).toBe('c1');
  });
});
