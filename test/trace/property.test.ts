// On random topologies (routers with random links and static routes that may loop, a mobile carrier with a
// bearer and NAPT, a VPC over VXLAN): a trace never visits the same (node, packet) twice without reporting a
// loop, and every tunnel header pushed is popped by the matching decapsulation before delivery.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { memoryHost } from '../../bench/memory-host.js';
import { packetKey, type Header, type Packet } from '../../src/dataplane/index.js';
import { compile } from '../../src/driver/index.js';
import { traceContext, traceFlow, type FlowTrace } from '../../src/trace/index.js';
import { buildDataplane } from '../../src/dataplane/index.js';

interface Shape {
  routers: number;
  extraLinks: [number, number][];
  statics: number[];
  serverAt: number;
  clientAt: number;
  natAt: number;
  gatewayAt: number;
  vmHosts: [number, number];
}

const shape: fc.Arbitrary<Shape> = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    routers: fc.constant(n),
    extraLinks: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 4 }),
    // Per router: a static route for the server's prefix to router k (a chance of loops), or none (-1).
    statics: fc.array(fc.integer({ min: -1, max: n - 1 }), { minLength: n, maxLength: n }),
    serverAt: fc.nat(n - 1),
    clientAt: fc.nat(n - 1),
    natAt: fc.nat(n - 1),
    gatewayAt: fc.nat(n - 1),
    vmHosts: fc.tuple(fc.nat(1), fc.nat(1)),
  }),
);

function source(s: Shape): string {
  const r = (i: number) => `r${i}`;
  const lines = ['import "std/lte"', 'import "std/internet"', 'import "std/cloud"', 'import "std/services"', 'as 64500 net {'];
  for (let i = 0; i < s.routers; i++) {
    const to = s.statics[i];
    lines.push(to >= 0 && to !== i ? `  router ${r(i)} { route: 198.18.0.0/24 -> ${r(to)} }` : `  router ${r(i)}`);
  }
  const links = new Set<string>();
  for (let i = 1; i < s.routers; i++) links.add(`${r(i - 1)} -- ${r(i)}`);
  for (const [a, b] of s.extraLinks) if (a !== b && !links.has(`${r(b)} -- ${r(a)}`)) links.add(`${r(a)} -- ${r(b)}`);
  for (const l of links) lines.push(`  link ${l}`);
  lines.push(
    '  host server', '  host client',
    `  link ${r(s.serverAt)} -- server { subnet: 198.18.0.0/24 }`, `  link client -- ${r(s.clientAt)}`,
    '  ue phone', '  enodeb enb', '  mme mme', '  hss hss { subscriber: phone }', '  control enb -- mme -- hss', '  sgw sgw', '  pgw pgw { ue_pool: 100.64.0.0/16 }',
    '  nat nat { inside: 100.64.0.0/16; pool: 203.0.113.0/28 }', '  bearer phone via enb, sgw, pgw',
    '  link enb -- sgw', '  link sgw -- pgw', '  link pgw -- nat', `  link nat -- ${r(s.natAt)}`,
    '  switch fabric { subnet: 10.10.0.0/24 }', '  ovs_host h0', '  ovs_host h1', '  link h0 -- fabric', '  link h1 -- fabric',
    '}',
    'vpc v {', '  subnet s 192.168.1.0/24', '  gateway gw on h0 { ip: 198.18.1.10/24; public: 198.18.1.10 -> vm1 }',
    `  vm vm1 on h${s.vmHosts[0]} in s`, `  vm vm2 on h${s.vmHosts[1]} in s`, '}',
    `link ${r(s.gatewayAt)} -- gw { subnet: 198.18.1.0/24 }`,
    'service web on server { listen: tcp/80 }', 'service api on vm1 { listen: tcp/443; calls: db }', 'database db on vm2',
    'flow direct { from: client; to: web }', 'flow mobile { from: phone; to: web }',
    'flow cloud { from: client; to: 198.18.1.10; port: tcp/443 }', 'flow mobilecloud { from: phone; to: 198.18.1.10; port: tcp/443 }',
  );
  return lines.join('\n') + '\n';
}

const TUNNEL_PORT: Partial<Record<Header['proto'], number>> = { gtpu: 2152, vxlan: 4789 };

/** Each tunnel header sits right after UDP on its port, and carries a packet with an IP header. */
function wellFormed(p: Packet): boolean {
  return p.headers.every((h, i) => {
    const port = TUNNEL_PORT[h.proto];
    if (port === undefined) return true;
    const udp = p.headers[i - 1];
    return udp?.proto === 'udp' && udp.dst === port && p.headers.slice(i + 1).some((x) => x.proto === 'ipv4');
  });
}

function check(trace: FlowTrace): void {
  const bySegment = new Map<number, FlowTrace['hops']>();
  for (const h of trace.hops) (bySegment.get(h.segment) ?? bySegment.set(h.segment, []).get(h.segment)!).push(h);
  const loopSegment = trace.disposition.kind === 'dropped' && trace.disposition.reason === 'loop' ? trace.disposition.segment : -1;
  for (const [segment, hops] of bySegment) {
    const seen = new Set(hops.map((h) => `${h.to}|${h.medium}|${packetKey(h.packet)}`));
    if (segment !== loopSegment) expect(seen.size, `segment ${segment} revisits a state`).toBe(hops.length);
    for (const h of hops) expect(wellFormed(h.packet)).toBe(true);
    const dropped = trace.disposition.kind === 'dropped' && trace.disposition.segment === segment;
    if (!dropped) {
      const last = hops[hops.length - 1].packet;
      expect(last.headers.filter((h) => h.proto === 'gtpu' || h.proto === 'vxlan'), 'every tunnel was left').toEqual([]);
      expect(last.headers.filter((h) => h.proto === 'ipv4')).toHaveLength(1);
    }
  }
}

describe('trace properties on random topologies', () => {
  test('no unreported revisits; tunnels balanced', () => {
    const outcomes = new Set<string>();
    const tunnels = new Set<string>();
    fc.assert(
      fc.property(shape, (s) => {
        const path = '/random.topo';
        const c = compile([path], { host: memoryHost({ [path]: source(s) }) }).compilations[0];
        if (!c.program || !c.network || !c.routing) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
        const ctx = traceContext(c.program, buildDataplane(c.program, c.network, c.routing));
        for (const flow of c.program.flows) {
          const traces = traceFlow(ctx, flow);
          for (const t of [traces.request, traces.reply()]) {
            check(t);
            outcomes.add(t.disposition.kind === 'delivered' ? 'delivered' : t.disposition.reason);
            for (const h of t.hops) for (const x of h.packet.headers) if (x.proto === 'gtpu' || x.proto === 'vxlan') tunnels.add(x.proto);
          }
        }
      }),
      { numRuns: 60, seed: 4004 },
    );
    // The random topologies exercise what the properties are about: tunnels, deliveries and loops.
    expect([...tunnels].sort()).toEqual(['gtpu', 'vxlan']);
    expect(outcomes).toContain('delivered');
    expect(outcomes).toContain('ttl-exceeded');
  });
});
