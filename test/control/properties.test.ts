// Properties over random small AS graphs with Gao–Rexford policies (prefer customer over peer over provider
// routes, valley-free export, an acyclic provider hierarchy), under which BGP is known to converge.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asPathOf, buildAsGraph, NONE, propagateAsPrefix } from '../../src/control/asgraph.js';
import { BaseTables } from '../../src/control/base-routes.js';
import { attachments, isStable, propagate, type BgpContext } from '../../src/control/bgp.js';
import { computeRoutes } from '../../src/control/index.js';
import { parsePrefix } from '../../src/control/ip.js';
import { buildSessions, deriveSessions } from '../../src/control/sessions.js';
import { buildTopology } from '../../src/control/topology.js';
import type { LinkInput, RoutingInput } from '../../src/control/types.js';
import { P } from './helpers.js';
import { net } from './net.js';

interface Graph {
  size: number;
  /** [a, b, kind]: kind 0 = peers, 1 = a is b's provider (a < b keeps the hierarchy acyclic). */
  edges: [number, number, number][];
  origin: number;
  prepends: number[];
}

const graphs = fc
  .integer({ min: 2, max: 7 })
  .chain((size) =>
    fc.record({
      size: fc.constant(size),
      edges: fc.uniqueArray(
        fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 0, max: 1 })).filter(([a, b]) => a < b),
        { selector: ([a, b]) => `${a}-${b}`, maxLength: (size * (size - 1)) / 2 },
      ),
      origin: fc.integer({ min: 0, max: size - 1 }),
      prepends: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: size, maxLength: size }),
    }),
  );

const name = (as: number) => `as${String(as).padStart(2, '0')}`;

/** One router per AS (ASN = index + 1); local-pref 300 from customers, 200 from peers, 100 from providers. */
function toInput(g: Graph, withPrepend: boolean): RoutingInput {
  return net({
    routers: Object.fromEntries(Array.from({ length: g.size }, (_, as) => [name(as), as + 1])),
    links: g.edges.map(([a, b, kind]): [string, string, Omit<LinkInput, 'name'>] => {
      const [x, y] = [name(a), name(b)];
      const prepend = (as: number) => (withPrepend ? g.prepends[as] : 0);
      const policy =
        kind === 0
          ? { [x]: { localPref: 200, prepend: prepend(a) }, [y]: { localPref: 200, prepend: prepend(b) } }
          : { [x]: { localPref: 300, prepend: prepend(a) }, [y]: { localPref: 100, prepend: prepend(b) } };
      return [x, y, kind === 0 ? { peer: true, policy } : { provider: x, policy }];
    }),
    announce: [[name(g.origin), P]],
  });
}

describe('properties of computed routes', () => {
  it('best routes are loop-free, valley-free and stable', () => {
    fc.assert(
      fc.property(graphs, (g) => {
        const input = toInput(g, true);
        const result = computeRoutes(input);
        expect(result.findings.filter((f) => f.code === 'forwarding-loop' || f.code === 'oscillation')).toEqual([]);
        const relation = new Map<string, number>(); // "x>y": what y is to x: 1 customer, 2 peer, 3 provider
        for (const [a, b, kind] of g.edges) {
          relation.set(`${a + 1}>${b + 1}`, kind === 0 ? 2 : 1);
          relation.set(`${b + 1}>${a + 1}`, kind === 0 ? 2 : 3);
        }
        for (const [node, routes] of Object.entries(result.nodes)) {
          for (const entry of routes.rib.filter((e) => e.prefix === P && e.best && e.protocol === 'bgp')) {
            const hops = [routes.asn!, ...entry.asPath].filter((as, i, all) => i === 0 || as !== all[i - 1]); // undo prepending
            expect(new Set(hops).size, `${node}: ${hops.join(' ')}`).toBe(hops.length);
            // Valley-free: read from the origin, the path climbs (to providers), takes at most one peer link, descends.
            let phase = 0;
            for (let i = hops.length - 1; i > 0; i--) {
              const step = relation.get(`${hops[i]}>${hops[i - 1]}`)!; // what the next AS is to this one
              const next = step === 3 ? 0 : step === 2 ? 1 : 2;
              expect(next === 0 ? phase === 0 : next === 1 ? phase === 0 : true, `${node}: valley in ${hops.join(' ')}`).toBe(true);
              phase = next === 0 ? 0 : 2;
            }
          }
        }
        // Recomputing from the result changes nothing: every router re-offered its neighbours' best routes keeps its own.
        const topo = buildTopology(input);
        const base = new BaseTables(topo);
        const sessions = buildSessions(topo, deriveSessions(input), base);
        const ctx: BgpContext = { topo, base, sessions: sessions.filter((s) => s.established), valleyFree: true, oscillationLimit: 100 };
        const attached = attachments(ctx);
        const origins = [{ router: g.origin, origin: 0 }];
        const outcome = propagate(ctx, attached, parsePrefix(P), origins);
        expect(isStable(ctx, attached, outcome, origins)).toBe(true);
        expect(computeRoutes(input)).toEqual(result);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('the AS-level propagation agrees with router-level BGP on the same graph', () => {
    fc.assert(
      fc.property(graphs, (g) => {
        const result = computeRoutes(toInput(g, false));
        const cp: number[] = [];
        const peers: number[] = [];
        for (const [a, b, kind] of g.edges) (kind === 0 ? peers : cp).push(...(kind === 0 ? [a, b] : [b, a]));
        const routes = propagateAsPrefix(buildAsGraph(g.size, Int32Array.from(cp), Int32Array.from(peers)), g.origin);
        for (let as = 0; as < g.size; as++) {
          const entry = result.nodes[name(as)].rib.find((e) => e.prefix === P && e.best);
          if (as === g.origin) continue;
          expect(routes.kind[as] === NONE ? undefined : asPathOf(routes, as).slice(1).map((x) => x + 1), name(as)).toEqual(entry?.asPath);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('the stability check notices a route that is not what its neighbours offer', () => {
    const input = toInput({ size: 3, edges: [[0, 1, 1], [1, 2, 1]], origin: 2, prepends: [0, 0, 0] }, false);
    const topo = buildTopology(input);
    const base = new BaseTables(topo);
    const ctx: BgpContext = { topo, base, sessions: buildSessions(topo, deriveSessions(input), base), valleyFree: true, oscillationLimit: 100 };
    const attached = attachments(ctx);
    const origins = [{ router: 2, origin: 0 }];
    const outcome = propagate(ctx, attached, parsePrefix(P), origins);
    expect(isStable(ctx, attached, outcome, origins)).toBe(true);
    outcome.best[0]!.asPath = [2];
    expect(isStable(ctx, attached, outcome, origins)).toBe(false);
  });
});
