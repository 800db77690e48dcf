// Compiling an example into a simulator spec, and running a simulation of it in-process.
import { compile } from '../../src/driver/index.js';
import { simSpec } from '../../src/emit/sim/spec.js';
import { Simulation, startFlow, startProcess, type SimEvent, type SimOptions, type SimSpec, type WireTap } from '../../src/runtime/index.js';
import type { RetryPolicy } from '../../src/runtime/http.js';

export function specOf(path: string): SimSpec {
  const { compilations } = compile([path]);
  const c = compilations[0];
  if (!c.program || !c.network || !c.routing) throw new Error(`${path} does not compile: ${c.diagnostics.map((d) => d.message).join('; ')}`);
  return simSpec({ path, program: c.program, network: c.network, routing: c.routing });
}

export interface Run {
  sim: Simulation;
  events: SimEvent[];
}

/** Starts every process and the named flows (all when none are named), and runs to the end. */
export function simulate(spec: SimSpec, options: SimOptions & { flows?: string[]; instances?: number; until?: number; tap?: WireTap; retry?: RetryPolicy } = {}): Run {
  const sim = new Simulation(spec, options);
  const events: SimEvent[] = [];
  sim.timeline.subscribe((e) => events.push(e));
  if (options.tap) sim.fabric.taps.push(options.tap);
  for (const p of spec.processes) startProcess(sim, p);
  for (const f of spec.flows) {
    if (options.flows && !options.flows.includes(f.name)) continue;
    for (let i = 1; i <= (options.instances ?? 1); i++) startFlow(sim, f, { instance: i, retry: options.retry });
  }
  sim.run(options.until ?? Infinity);
  return { sim, events };
}
