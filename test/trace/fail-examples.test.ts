// The examples that fail on purpose: each drop at the exact node, for the exact reason.
import { describe, expect, test } from 'vitest';
import { compile } from '../../src/driver/index.js';
import { buildDataplane } from '../../src/dataplane/index.js';
import { traceContext, traceFlow } from '../../src/trace/index.js';

function trace(path: string, flow: string) {
  const c = compile([path]).compilations[0];
  const ctx = traceContext(c.program!, buildDataplane(c.program!, c.network!, c.routing!));
  const t = traceFlow(ctx, c.program!.flows.find((f) => f.name === flow)!).request;
  const name = (id: number) => c.network!.nodes[id].name;
  const d = t.disposition;
  return { ...t, where: d.kind === 'dropped' ? { node: name(d.node), reason: d.reason, detail: d.detail } : 'delivered', path: t.hops.map((h) => `${name(h.from)}>${name(h.to)}`) };
}

describe('examples/fail/*.topo', () => {
  test('a missing route: dropped at r1, no route', () => {
    expect(trace('examples/fail/no-route.topo', 'fetch').where).toMatchObject({ node: 'r1', reason: 'no-route' });
  });

  test('a static-route loop exhausts the TTL, and the detail names the cycle', () => {
    const t = trace('examples/fail/ttl-loop.topo', 'probe');
    expect(t.where).toMatchObject({ node: 'r2', reason: 'ttl-exceeded', detail: expect.stringContaining('forwarding loop r2 → r3 → r2') });
    expect(t.hops).toHaveLength(64);
  });

  test('Internet traffic to a VM\'s private address: no route at border; the public address works', () => {
    expect(trace('examples/fail/private-address.topo', 'private').where).toMatchObject({ node: 'border', reason: 'no-route' });
    const ok = trace('examples/fail/private-address.topo', 'public');
    expect(ok.where).toBe('delivered');
    expect(ok.path).toContain('gwhost>hostA');
  });

  test('a VXLAN path whose MTU is too small: dropped at hostA, 1490 B > 1450 B', () => {
    const t = trace('examples/fail/vxlan-mtu.topo', 'upload');
    expect(t.where).toMatchObject({ node: 'hostA', reason: 'mtu-exceeded', detail: expect.stringContaining('1490 B > MTU 1450 B') });
  });

  test('the reply of a dropped request is the request\'s drop: the client gets no answer', () => {
    const c = compile(['examples/fail/vxlan-mtu.topo']).compilations[0];
    const ctx = traceContext(c.program!, buildDataplane(c.program!, c.network!, c.routing!));
    const traces = traceFlow(ctx, c.program!.flows.find((f) => f.name === 'upload')!);
    const { hop, ...drop } = traces.request.disposition as { hop: number | null };
    expect(hop).not.toBeNull();
    expect(traces.reply().disposition).toEqual({ ...drop, hop: null });
  });

  test('the failures are diagnostics of the file (TOPO4001) at the flow', () => {
    for (const f of ['no-route', 'ttl-loop', 'private-address', 'vxlan-mtu']) {
      expect(compile([`examples/fail/${f}.topo`]).diagnostics.filter((d) => d.code === 'TOPO4001')).toHaveLength(1);
    }
    expect(compile(['examples/order-from-phone.topo']).diagnostics.filter((d) => d.code.startsWith('TOPO40'))).toEqual([]);
  });
});
