// The simulator puts on every wire exactly the headers `topo hops` shows for the flow, request and reply:
// both forward with the same data plane, and the simulator's sockets pick the same ports.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/driver/index.js';
import { buildDataplane } from '../../src/dataplane/index.js';
import { simSpec } from '../../src/emit/sim/spec.js';
import { traceContext, traceFlow, type TraceHop } from '../../src/trace/index.js';
import { simulate } from './helpers.js';

const examples = [
  ...readdirSync('examples').filter((f) => f.endsWith('.topo')).map((f) => `examples/${f}`),
  ...readdirSync('examples/fail').filter((f) => f.endsWith('.topo')).map((f) => `examples/fail/${f}`),
];

const wireKey = (from: number, to: number, headers: unknown) => `${from}>${to} ${JSON.stringify(headers)}`;

describe('the simulator and topo hops agree on every wire', () => {
  for (const path of examples) {
    const c = compile([path]).compilations[0];
    if (!c.program || !c.network || !c.routing) continue;
    const { program, network, routing } = c;
    for (const flow of program.flows) {
      it(`${path} flow ${flow.name}`, () => {
        const traces = traceFlow(traceContext(program, buildDataplane(program, network, routing)), flow);
        const hops: TraceHop[] = [...traces.request.hops, ...(traces.request.disposition.kind === 'delivered' ? traces.reply().hops : [])];
        const expected = new Set(hops.map((h) => wireKey(h.from, h.to, h.packet.headers)));
        const spec = simSpec({ path, program, network, routing });
        const seen = new Set<string>();
        // One attempt: a retry opens a new connection from a new port, which the static trace cannot know.
        const retry = { timeout: 60, attempts: 1 };
        const { sim } = simulate(spec, { flows: [flow.name], until: 120, retry, tap: (r) => seen.add(wireKey(r.from, r.to, r.packet.headers)) });
        expect(sim.fabric.hops).toBeGreaterThan(0);
        if (traces.request.disposition.kind === 'delivered') expect([...seen].sort()).toEqual([...expected].sort());
        // A dropped flow: every wire the trace shows carries the same packet in the simulation, which may get
        // further (TCP sends segments within the path MTU where the trace sends the flow's size whole).
        else expect([...expected].filter((k) => !seen.has(k))).toEqual([]);
      });
    }
  }
});
