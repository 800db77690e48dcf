// The performance budgets of issue 3, measured on the synthetic networks (generation time excluded).
import { describe, expect, it } from 'vitest';
import { measureAsPropagation, measureFullFibs } from '../../src/control/perf.js';

describe('control plane performance', () => {
  it('propagates one prefix over 78,000 ASes and ~500,000 links in under 2 s', () => {
    const m = measureAsPropagation();
    console.log(JSON.stringify(m));
    expect(m.detail.links).toBeGreaterThanOrEqual(500_000);
    expect(m.detail.reached).toBe(78_000);
    expect(m.ms).toBeLessThan(2_000);
    expect(m.rssMb).toBeLessThan(2_048);
  });

  it('computes full FIBs for 1,000 routers and 1,000 prefixes in under 10 s', () => {
    const m = measureFullFibs();
    console.log(JSON.stringify(m));
    expect(m.detail.fibEntries).toBeGreaterThanOrEqual(1_000 * 1_000);
    expect(m.ms).toBeLessThan(10_000);
  }, 60_000);
});
