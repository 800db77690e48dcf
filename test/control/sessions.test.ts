// Each reason a BGP session does not come up, and what it costs downstream.
import { describe, expect, it } from 'vitest';
import { computeRoutes } from '../../src/control/index.js';
import type { SessionInput } from '../../src/control/types.js';
import { candidates, P } from './helpers.js';
import { net } from './net.js';

const ebgp = (extra: Partial<SessionInput> = {}, a = {}, b = {}): SessionInput => ({ a: { router: 'x', ...a }, b: { router: 'y', ...b }, ...extra });

function state(sessions: SessionInput[], routers: Record<string, number | object> = { x: 1, y: 2 }, links: [string, string][] = [['x', 'y']]) {
  const r = computeRoutes(net({ routers, links, sessions, announce: [['y', P]] }));
  return { r, s: r.sessions[0] };
}

describe('session states', () => {
  it('comes up between directly connected routers of different ASes', () => {
    const { r, s } = state([ebgp()]);
    expect(s).toEqual({ a: 'x', b: 'y', kind: 'ebgp', aAddress: '10.0.0.1', bAddress: '10.0.0.2', established: true });
    expect(candidates(r, 'x')).toHaveLength(1);
  });

  it('only one side configured', () => {
    const { r, s } = state([ebgp({}, {}, { configured: false })]);
    expect(s.established).toBe(false);
    expect(s.reason).toBe('only one side configured: x declares the session, y does not');
    expect(candidates(r, 'x')).toEqual([]);
    expect(r.findings[0]).toMatchObject({ code: 'session-down', nodes: ['x', 'y'] });
  });

  it('AS mismatch', () => {
    const { s } = state([ebgp({}, { remoteAs: 3 })]);
    expect(s.reason).toBe('AS mismatch: x expects AS 3, y is in AS 2');
  });

  it('missing router id', () => {
    // y has no loopback and no router_id; its only address is on the link, which is enough for an id...
    const ok = state([ebgp()], { x: 1, y: { asn: 2, loopback: false } });
    expect(ok.s.established).toBe(true);
    // ...but a router with no address at all has none.
    const { s } = state([ebgp()], { x: 1, y: { asn: 2, loopback: false } }, []);
    expect(s.reason).toBe('missing router id on y');
  });

  it('no IP path between the peers', () => {
    // Two routers of AS 1 with an iBGP session between loopbacks but no link or route between them.
    const { s } = state([{ a: { router: 'x' }, b: { router: 'y' } }], { x: 1, y: 1, z: 2 }, [['x', 'z'], ['y', 'z']]);
    expect(s.kind).toBe('ibgp');
    expect(s.reason).toBe('no IP path between the peers: x cannot reach 192.168.255.2 (no route at x)');
  });

  it('an iBGP session between loopbacks comes up over the IGP', () => {
    const { s } = state([{ a: { router: 'x' }, b: { router: 'y' } }], { x: 1, y: 1, m: 1 }, [['x', 'm'], ['m', 'y']]);
    expect(s).toMatchObject({ kind: 'ibgp', aAddress: '192.168.255.2', bAddress: '192.168.255.3', established: true });
  });
});
