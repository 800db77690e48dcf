// The synthetic networks behind `npm run bench` (bench/sections/control.ts holds the timed budgets), checked at
// full size for the AS graph, which is fast, and at a tenth of the size for the router network.
import { describe, expect, it } from 'vitest';
import { measureAsPropagation, measureFullFibs } from '../../src/control/perf.js';
import { syntheticInternet } from '../../src/control/synthetic.js';

describe('synthetic networks', () => {
  it('the Internet-shaped graph is deterministic and has a heavy-tailed degree distribution', () => {
    const a = syntheticInternet(5_000, 30_000, 9);
    const b = syntheticInternet(5_000, 30_000, 9);
    expect(a.peers).toEqual(b.peers);
    expect(a.customerProvider).toEqual(b.customerProvider);
    const degree = new Uint32Array(a.size);
    for (const list of [a.customerProvider, a.peers]) for (const as of list) degree[as]++;
    const sorted = [...degree].sort((x, y) => y - x);
    expect(sorted[0]).toBeGreaterThan(20 * sorted[a.size >> 1]); // hubs far above the median AS
  });

  it('propagates one prefix to every one of 78,000 ASes over ~500,000 links within the 2 s budget', () => {
    const m = measureAsPropagation();
    expect(m.detail.links).toBe(500_000);
    expect(m.detail.reached).toBe(78_000);
    expect(m.ms).toBeLessThan(2_000);
  });

  it('fills every FIB of the router-level network: each router routes every prefix and no finding is raised', () => {
    const m = measureFullFibs(5, 20, 100, true);
    expect(m.detail.findings).toBe(0);
    expect(m.detail.fibEntries).toBeGreaterThanOrEqual(100 * 100);
  });
});
