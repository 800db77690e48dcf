// The text of `topo routes --node N --prefix P`, pinned on a network shaped like the flagship example.
import { describe, expect, it } from 'vitest';
import { computeRoutes } from '../../src/control/index.js';
import { explainRoute } from '../../src/emit/routes-explain.js';
import { P } from '../control/helpers.js';
import { net } from '../control/net.js';

// a2 (carrier, AS 64500) reaches the cloud (AS 64520) through transit c1–c2 (AS 64510) or through c3 (AS 64530)
// and c4 (AS 64531). The cloud's border owns the prefix on its LAN.
function flagship() {
  const input = net({
    routers: { a2: 64500, c1: 64510, c2: 64510, c3: 64530, c4: 64531, border: 64520 },
    links: [['a2', 'c1'], ['c1', 'c2', { cost: 10 }], ['c2', 'border'], ['a2', 'c3'], ['c3', 'c4'], ['c4', 'border']],
    announce: [['border', P]],
  });
  input.routers.find((r) => r.name === 'border')!.interfaces.push({ name: 'lan', address: '198.51.100.1', prefixLength: 24, link: 'slb' });
  return input;
}

describe('explainRoute', () => {
  it('shows every candidate, the best with why it won, and the FIB entry', () => {
    const text = explainRoute(computeRoutes(flagship()), 'a2', P);
    expect(text).toBe(
      [
        'a2 (AS 64500)  198.51.100.0/24',
        ' * bgp        via 10.0.0.2 (c1)  as-path 64510 64520  local-pref 100  origin igp          ← best: shorter AS path than via c3 (2 vs 3)',
        '   bgp        via 10.0.0.14 (c3)  as-path 64530 64531 64520  local-pref 100  origin igp',
        'fib: 198.51.100.0/24 → 10.0.0.2 (c1) out eth0',
        '',
      ].join('\n'),
    );
  });

  it('every router on the path forwards toward the cloud, and the border delivers', () => {
    const r = computeRoutes(flagship());
    const hop = (node: string) => r.nodes[node].fib.find((f) => f.prefix === P)!;
    expect(hop('a2').nextHopNode).toBe('c1');
    expect(hop('c1').nextHopNode).toBe('c2');
    expect(hop('c2').nextHopNode).toBe('border');
    expect(hop('border')).toMatchObject({ nextHop: null, interface: 'lan', action: 'forward' });
    expect(r.findings).toEqual([]);
  });

  it('names the iBGP peer, the IGP cost and a connected route over BGP', () => {
    const r = computeRoutes(flagship());
    expect(explainRoute(r, 'c1', P)).toContain(' * bgp        via 10.0.0.10 (border)  from c2  as-path 64520  local-pref 100  origin igp  igp-cost 10');
    expect(explainRoute(r, 'border', P)).toBe(
      [
        'border (AS 64520)  198.51.100.0/24',
        ' * connected  directly connected                                                ← best: connected preferred over local bgp (administrative distance 0 vs 200)',
        '   bgp        locally originated  as-path (empty)  local-pref 100  origin igp',
        'fib: 198.51.100.0/24 → directly connected out lan',
        '',
      ].join('\n'),
    );
  });

  it('is plain JSON, and the same bytes whatever order the input lists things in', () => {
    const input = flagship();
    const json = JSON.stringify(computeRoutes(input));
    expect(JSON.parse(json)).toEqual(computeRoutes(input));
    const shuffled = { ...input, routers: [...input.routers].reverse(), links: [...input.links].reverse(), announcements: [...input.announcements] };
    shuffled.routers = shuffled.routers.map((r) => ({ ...r, interfaces: [...r.interfaces].reverse() }));
    expect(JSON.stringify(computeRoutes(shuffled))).toBe(json);
  });

  it('shows the covering FIB entry for a prefix the node has no entry for', () => {
    const r = computeRoutes(flagship());
    expect(explainRoute(r, 'c3', '198.51.100.128/25')).toBe(
      ['c3 (AS 64530)  198.51.100.128/25', '   no route for this prefix', 'fib: 198.51.100.0/24 → 10.0.0.18 (c4) out eth1', ''].join('\n'),
    );
  });
});
