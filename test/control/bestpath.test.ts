// One small network per best-path step, built so that this step alone decides: every earlier step ties, and
// the later steps (the router id, in most) would pick the other route.
import { describe, expect, it } from 'vitest';
import { computeRoutes } from '../../src/control/index.js';
import { best, candidates, P } from './helpers.js';
import { net } from './net.js';

// x (AS 1) hears P from y (AS 2) and from z (AS 3). y sorts first, so y has the lower router id and wins ties.
function twoNeighbours(props: { toY?: object; toZ?: object } = {}) {
  return net({
    routers: { x: 1, y: 2, z: 3 },
    links: [
      ['x', 'y', props.toY],
      ['x', 'z', props.toZ],
    ],
    announce: [
      ['y', P],
      ['z', P],
    ],
  });
}

describe('best-path selection, one deciding step each', () => {
  it('router id: the tie-break when everything else is equal', () => {
    const r = computeRoutes(twoNeighbours());
    expect(best(r, 'x').peer).toBe('y');
    expect(best(r, 'x').reason).toBe('lower router id than via z (192.168.255.2 vs 192.168.255.3)');
    expect(candidates(r, 'x')).toHaveLength(2);
  });

  it('weight', () => {
    const r = computeRoutes(twoNeighbours({ toZ: { policy: { x: { weight: 50 } } } }));
    expect(best(r, 'x').peer).toBe('z');
    expect(best(r, 'x').reason).toBe('higher weight than via y (50 vs 0)');
  });

  it('local-pref', () => {
    const r = computeRoutes(twoNeighbours({ toZ: { policy: { x: { localPref: 200 } } } }));
    expect(best(r, 'x').peer).toBe('z');
    expect(best(r, 'x').reason).toBe('higher local-pref than via y (200 vs 100)');
  });

  it('locally originated', () => {
    const input = twoNeighbours();
    input.announcements.push({ router: 'x', prefix: P });
    const r = computeRoutes(input);
    const local = candidates(r, 'x').find((e) => e.best)!;
    expect(local.peer).toBeNull();
    expect(local.reason).toBe('locally originated, preferred over the route via y');
  });

  it('AS-path length', () => {
    // y's route reaches x through w: one AS longer than z's.
    const r = computeRoutes(
      net({
        routers: { x: 1, y: 2, w: 4, z: 3 },
        links: [['x', 'y'], ['y', 'w'], ['x', 'z']],
        announce: [['w', P], ['z', P]],
      }),
    );
    expect(best(r, 'x').peer).toBe('z');
    expect(best(r, 'x').asPath).toEqual([3]);
    expect(best(r, 'x').reason).toBe('shorter AS path than via y (1 vs 2)');
  });

  it('origin', () => {
    const input = twoNeighbours();
    input.announcements = [
      { router: 'y', prefix: P, origin: 'incomplete' },
      { router: 'z', prefix: P },
    ];
    const r = computeRoutes(input);
    expect(best(r, 'x').peer).toBe('z');
    expect(best(r, 'x').reason).toBe('better origin than via y (igp vs incomplete)');
  });

  it('MED, between routes from the same neighbour AS', () => {
    // y1 and y2 are both in AS 2; y1 (lower router id) sends MED 50.
    const r = computeRoutes(
      net({
        routers: { x: 1, y1: 2, y2: 2 },
        links: [['x', 'y1', { policy: { y1: { med: 50 } } }], ['x', 'y2']],
        announce: [['y1', P], ['y2', P]],
      }),
    );
    expect(best(r, 'x').peer).toBe('y2');
    expect(best(r, 'x').reason).toBe('lower MED than via y1 (0 vs 50)');
  });

  it('MED is not compared between different neighbour ASes', () => {
    const r = computeRoutes(twoNeighbours({ toY: { policy: { y: { med: 50 } } } }));
    expect(best(r, 'x').peer).toBe('y');
    expect(best(r, 'x').reason).toMatch(/^lower router id/);
  });

  it('eBGP over iBGP', () => {
    // x hears P over eBGP from z, and over iBGP from a (same AS, lower router id) which heard it from y.
    const r = computeRoutes(
      net({
        routers: { a: 1, x: 1, y: 2, z: 3 },
        links: [['a', 'x'], ['a', 'y'], ['x', 'z']],
        announce: [['y', P], ['z', P]],
      }),
    );
    expect(candidates(r, 'x').map((e) => e.peer).sort()).toEqual(['a', 'z']);
    expect(best(r, 'x').peer).toBe('z');
    expect(best(r, 'x').reason).toBe('eBGP preferred over iBGP via a');
  });

  it('IGP cost to the next hop', () => {
    // x reaches exit a at cost 10 and exit b at cost 1; a has the lower router id. The next hops are the eBGP
    // peers' addresses, resolved recursively through the IGP.
    const r = computeRoutes(
      net({
        routers: { a: 1, b: 1, x: 1, y: 2, z: 3 },
        links: [['x', 'a', { cost: 10 }], ['x', 'b', { cost: 1 }], ['a', 'y'], ['b', 'z']],
        announce: [['y', P], ['z', P]],
      }),
    );
    const chosen = best(r, 'x');
    expect(chosen.peer).toBe('b');
    expect(chosen.nextHopNode).toBe('z');
    expect(chosen.igpCost).toBe(1);
    expect(chosen.reason).toBe('lower IGP cost to the next hop than via a (1 vs 10)');
    expect(r.nodes.x.fib.find((f) => f.prefix === P)).toMatchObject({ nextHopNode: 'b', interface: 'eth1' });
  });

  it('peer address, between two sessions with the same router', () => {
    const r = computeRoutes(
      net({
        routers: { x: 1, y: 2 },
        links: [['x', 'y'], ['x', 'y']],
        announce: [['y', P]],
      }),
    );
    expect(candidates(r, 'x').map((e) => e.nextHop)).toEqual(['10.0.0.2', '10.0.0.6']);
    expect(best(r, 'x').reason).toBe('lower peer address than via y (10.0.0.2 vs 10.0.0.6)');
  });
});
