import { measureAsPropagation, measureFullFibs } from '../../src/control/perf.js';
import type { Figure, Section } from './section.js';

/** Control-plane budgets of issue 3; the measured step excludes generating the synthetic network. */
export const control: Section = {
  name: 'control',
  title: 'control plane: BGP over a synthetic Internet-shaped AS graph, and full FIBs on a router-level network',
  async run(): Promise<Figure[]> {
    measureAsPropagation(); // warm-up
    const runs = [measureAsPropagation(), measureAsPropagation(), measureAsPropagation()];
    const as = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const fibs = measureFullFibs();
    const ribs = measureFullFibs(10, 100, 1_000, true);
    const { ases, links, reached, longestPath } = as.detail;
    return [
      {
        label: 'one prefix, AS-level (best of 3)',
        measured: Math.round(as.ms),
        unit: 'ms',
        target: { op: '<=', value: 2_000 },
        note: `${ases} ASes, ${links} links, ${reached} reached, longest AS path ${longestPath}`,
      },
      { label: 'process RSS after the AS-level runs', measured: as.rssMb, unit: 'MB', target: { op: '<=', value: 2_048 } },
      {
        label: 'full FIBs (every router, every prefix)',
        measured: Math.round(fibs.ms),
        unit: 'ms',
        target: { op: '<=', value: 10_000 },
        note: `${fibs.detail.routers} routers, ${fibs.detail.prefixes} prefixes, ${fibs.detail.fibEntries} FIB entries, CPU ${fibs.cpuMs} ms`,
      },
      {
        label: 'full RIBs with reasons + FIBs',
        measured: Math.round(ribs.ms),
        unit: 'ms',
        note: `${ribs.detail.ribEntries} RIB entries, CPU ${ribs.cpuMs} ms, RSS ${ribs.rssMb} MB`,
      },
    ];
  },
};
