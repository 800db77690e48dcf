// Issue 3 on the flagship: the BGP route a2 uses toward the SLB's prefix, and FIBs that carry the order there.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookupFib } from '../../src/control/index.js';
import { compile } from '../../src/driver/index.js';
import { routesJson, routesText } from '../../src/emit/routes.js';
import { runCli } from '../../src/cli/program.js';
import { capture } from '../cli/helpers.js';

const FLAGSHIP = 'examples/order-from-phone.topo';
const routing = compile([FLAGSHIP]).compilations[0].routing!;
const update = process.env.UPDATE_GOLDEN === '1';

function golden(path: string, actual: string): void {
  if (update || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('flagship routes', () => {
  it('a2 reaches the SLB prefix by BGP via c1 across the transit and cloud ASes', () => {
    const best = routing.nodes.a2.rib.filter((e) => e.prefix === '198.51.100.0/24' && e.best);
    expect(best).toHaveLength(1);
    expect(best[0]).toMatchObject({ protocol: 'bgp', nextHopNode: 'c1', asPath: [64510, 64520] });
  });

  it('every router on the seed’s path forwards the order toward the cloud (steps 38–44)', () => {
    const path: string[] = [];
    let at: string | null = 'pgw';
    while (at !== null && path.length < 10) {
      path.push(at);
      const entry = lookupFib(routing.nodes[at].fib, '198.51.100.10');
      expect(entry, `${at} has a FIB entry for 198.51.100.10`).toBeDefined();
      at = entry!.nextHopNode;
    }
    expect(path).toEqual(['pgw', 'nat', 'a2', 'c1', 'c2', 'border']);
  });

  it('every BGP session comes up, and nothing is unreachable', () => {
    expect(routing.sessions.filter((s) => !s.established)).toEqual([]);
    expect(routing.findings).toEqual([]);
  });

  it('text and JSON are pinned', () => {
    golden('examples/order-from-phone.routes.txt', routesText(routing, {}));
    golden('examples/order-from-phone.routes.json', routesJson(routing, {}));
  });

  it('`topo routes --node a2 --prefix` prints the explanation of ux.md', async () => {
    const c = capture();
    expect(await runCli(['routes', FLAGSHIP, '--node', 'a2', '--prefix', '198.51.100.0/24'], c.io)).toBe(0);
    expect(c.stdout()).toBe(
      'a2 (AS 64500)  198.51.100.0/24\n' +
        ' * bgp        via 203.0.113.22 (c1)  as-path 64510 64520  local-pref 100  origin igp   ← best: only route\n' +
        'fib: 198.51.100.0/24 → 203.0.113.22 (c1) out eth1\n',
    );
  });

  it('refuses an unknown node or a malformed prefix with exit 2', async () => {
    for (const argv of [['--node', 'nosuch'], ['--prefix', '198.51.100/24']]) {
      const c = capture();
      expect(await runCli(['routes', FLAGSHIP, ...argv], c.io)).toBe(2);
      expect(c.stderr()).toMatch(/^error: /);
    }
  });
});
