// Griffin's BAD GADGET: no stable routing exists, so propagation must stop and say so.
import { describe, expect, it } from 'vitest';
import { computeRoutes } from '../../src/control/index.js';
import { P } from './helpers.js';
import { net } from './net.js';

// o (AS 10) is a customer of r1, r2, r3 (AS 1, 2, 3), which peer in a ring. Each ri prefers the route through
// its clockwise peer (local-pref 200) over its own customer route (100) over the anticlockwise one (50). Peers
// pass on only customer routes, so each ri can use (ri, ri+1, o) only while ri+1 uses its direct route.
function badGadget(oscillationLimit?: number) {
  const ring = (a: string, b: string) => ({ peer: true, policy: { [a]: { localPref: 200 }, [b]: { localPref: 50 } } });
  return net({
    routers: { o: 10, r1: 1, r2: 2, r3: 3 },
    links: [
      ['o', 'r1', { provider: 'r1' }],
      ['o', 'r2', { provider: 'r2' }],
      ['o', 'r3', { provider: 'r3' }],
      ['r1', 'r2', ring('r1', 'r2')],
      ['r2', 'r3', ring('r2', 'r3')],
      ['r3', 'r1', ring('r3', 'r1')],
    ],
    announce: [['o', P]],
    options: oscillationLimit === undefined ? {} : { oscillationLimit },
  });
}

describe('oscillation', () => {
  it('reports BAD GADGET with its three routers instead of hanging', () => {
    const started = Date.now();
    const r = computeRoutes(badGadget());
    expect(Date.now() - started).toBeLessThan(2_000);
    const found = r.findings.filter((f) => f.code === 'oscillation');
    expect(found).toEqual([
      { code: 'oscillation', message: `BGP does not converge for ${P}: the best route of r1, r2, r3 keeps changing`, nodes: ['r1', 'r2', 'r3'], prefixes: [P] },
    ]);
  });

  it('the same three ASes converge once one of them prefers its customer route', () => {
    const input = badGadget();
    input.links.find((l) => l.name === 'r1--r2')!.policy!.r1 = { localPref: 90 };
    const r = computeRoutes(input);
    expect(r.findings.filter((f) => f.code === 'oscillation')).toEqual([]);
  });

  it('a lower limit stops sooner and names the same routers', () => {
    const r = computeRoutes(badGadget(5));
    expect(r.findings.find((f) => f.code === 'oscillation')?.nodes).toEqual(['r1', 'r2', 'r3']);
  });
});
