import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAsGraph } from '../../bench/gen/as-graph.js';
import { createRng } from '../../bench/gen/rng.js';
import { generate, generateLines, internetSpec, presets, specForLines } from '../../bench/generate.js';
import { memoryHost } from '../../bench/memory-host.js';
import { checkFiles } from '../../src/check/index.js';
import { errorsOf, expectWellFormed } from './well-formed.js';

describe('the benchmark generator', () => {
  it('is deterministic: same seed, same bytes; another seed, another program', () => {
    expect(generate({ seed: 7 }).text).toBe(generate({ seed: 7 }).text);
    expect(generate({ seed: 8 }).text).not.toBe(generate({ seed: 7 }).text);
  });

  it('hits a line target: within 5% for small files (a carrier is tens of lines), 1% for large ones', () => {
    for (const [target, tolerance] of [[2_000, 0.05], [50_000, 0.01]]) {
      const { stats, text } = generate(specForLines(target));
      expect(Math.abs(stats.lines - target) / target).toBeLessThan(tolerance);
      expect(text.split('\n').length - 1).toBe(stats.lines);
    }
  });

  it('builds an Internet-like AS graph: a tier-1 clique, acyclic provider links, peers up to the target', () => {
    const graph = buildAsGraph(createRng(3), 2_000, 10, 0.15, 12_000);
    expect(graph.links.length).toBe(12_000);
    const providers = new Map<number, number>();
    for (const link of graph.links) {
      if (link.relation === 'provider') {
        expect(link.a).toBeLessThan(link.b); // providers come first: no customer is its provider's provider
        expect(graph.tiers[link.a]).not.toBe(3);
        providers.set(link.b, (providers.get(link.b) ?? 0) + 1);
      }
    }
    graph.tiers.forEach((tier, i) => expect(providers.has(i), `AS ${i}`).toBe(tier !== 1));
    const cliquePeers = graph.links.filter((l) => l.relation === 'peer' && l.a < 10 && l.b < 10);
    expect(cliquePeers.length).toBe(45);
  });

  it('makes the presets of the later benchmarks at their sizes', () => {
    const internet = generate(internetSpec(5_000, 30_000));
    expect(internet.stats).toMatchObject({ ases: 5_000, routers: 5_000, interAsLinks: 30_000, flows: 0 });
    expect(internet.text.match(/^\s*announce:/gm)?.length).toBe(1);
    const diagram = presets.diagram();
    expect(Math.abs(diagram.stats.nodes - 1_000)).toBeLessThan(50);
  });

  it('writes programs that check with zero errors (2,000 lines)', () => {
    const { text, stats } = generateLines(2_000, 11);
    expect(stats.ues).toBeGreaterThan(0);
    expect(stats.vms).toBeGreaterThan(0);
    const path = join(tmpdir(), 'topo-generated', 'g2000.topo');
    const result = checkFiles([path], memoryHost({ [path]: text }));
    expectWellFormed(result);
    expect(errorsOf(result)).toEqual([]);
  });
});
