// `topo run` end to end: the flagship's order is written, the outputs have their shapes, and failures and bad
// options give their exit statuses.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const topo = (...args: string[]) => spawnSync(process.execPath, ['bin/topo.js', ...args], { encoding: 'utf8' });

describe('topo run', () => {
  it('completes the flagship order and prints the timeline and the summary', () => {
    const r = topo('run', 'examples/order-from-phone.topo');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('order written to orderdb (quorum 2/3, key order-1)');
    expect(r.stdout).toContain('TLS 1.2 ClientHello');
    expect(r.stdout).toMatch(/flow order: 1 completed, 0 failed/);
    expect(r.stdout).toContain('orderdb: 1 row written');
  });

  it('--json prints one event per line; --quiet only the summary', () => {
    const json = topo('run', 'examples/order-from-phone.topo', '--flow', 'order', '--json').stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(json.some((e) => e.category === 'db' && e.step === '64')).toBe(true);
    const quiet = topo('run', 'examples/order-from-phone.topo', '--quiet').stdout;
    expect(quiet).not.toContain('TCP SYN');
    expect(quiet).toContain('row written');
  });

  it('exits 1 when a flow fails, 2 on a bad option or an unknown flow', () => {
    expect(topo('run', 'examples/fail/no-route.topo', '--quiet', '--until', '30s').status).toBe(1);
    expect(topo('run', 'examples/order-from-phone.topo', '--loss', 'lots').status).toBe(2);
    expect(topo('run', 'examples/order-from-phone.topo', '--flow', 'nope').status).toBe(2);
  });
});
