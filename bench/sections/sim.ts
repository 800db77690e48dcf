import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { checkFiles } from '../../src/check/index.js';
import { computeRoutes } from '../../src/control/index.js';
import { routingInput } from '../../src/control/from-network.js';
import { compile } from '../../src/driver/index.js';
import { generateSim } from '../../src/emit/sim/generate.js';
import { simSpec } from '../../src/emit/sim/spec.js';
import { buildNetwork } from '../../src/model/index.js';
import { Scheduler, Simulation, startFlow, startProcess } from '../../src/runtime/index.js';
import { generate, mixedSpec } from '../generate.js';
import { memoryHost } from '../memory-host.js';
import { timeMs, type Figure, type Section } from './section.js';

const EVENTS = 2_000_000;
const ORDERS = 10_000;
const FLAGSHIP = 'examples/order-from-phone.topo';

/** Issue 7's budgets: the scheduler, packets forwarded with full header processing, concurrent orders, generation. */
export const sim: Section = {
  name: 'sim',
  title: 'simulator: event scheduler, packet-hops, 10,000 concurrent orders, generating for ~10,000 nodes',
  async run(): Promise<Figure[]> {
    return [schedulerFigure(), ...ordersFigures(), await generationFigure()];
  },
};

/** Events that each schedule the next at a pseudo-random later time, 1,000 in flight: the heap's real work. */
function schedulerFigure(): Figure {
  const s = new Scheduler();
  let left = EVENTS;
  let x = 1;
  const fire = () => {
    if (--left <= 0) return;
    x = (x * 1103515245 + 12345) >>> 0;
    s.after((x % 1000) / 1e6, fire);
  };
  for (let i = 0; i < 1000; i++) s.after(i / 1e6, fire);
  const ms = timeMs(() => s.run());
  return { label: 'scheduler events per second', measured: Math.round(s.fired / (ms / 1000)), unit: 'events/s', target: { op: '>=', value: 1_000_000 }, note: `${s.fired.toLocaleString('en')} events in ${Math.round(ms)} ms` };
}

function ordersFigures(): Figure[] {
  const c = compile([FLAGSHIP]).compilations[0];
  const spec = simSpec({ path: FLAGSHIP, program: c.program!, network: c.network!, routing: c.routing! });
  const order = spec.flows.find((f) => f.name === 'order')!;
  const s = new Simulation(spec, { seed: 1 });
  for (const p of spec.processes) startProcess(s, p);
  for (let i = 1; i <= ORDERS; i++) startFlow(s, order, { instance: i });
  const ms = timeMs(() => s.run());
  const done = s.ledger.flows.filter((f) => f.status === 201).length;
  const note = `${done.toLocaleString('en')} of ${ORDERS.toLocaleString('en')} completed, ${s.fabric.hops.toLocaleString('en')} packet-hops, ${s.sched.fired.toLocaleString('en')} events`;
  return [
    { label: `${ORDERS.toLocaleString('en')} concurrent orders on the flagship`, measured: Math.round(ms), unit: 'ms', target: { op: '<=', value: 10_000 }, note },
    { label: 'packet-hops per second (full header processing)', measured: Math.round(s.fabric.hops / (ms / 1000)), unit: 'hops/s', target: { op: '>=', value: 300_000 } },
  ];
}

async function generationFigure(): Promise<Figure> {
  const { text, stats } = generate({ ...mixedSpec(14), uesPerCarrier: 280 });
  const path = join(tmpdir(), 'topo-bench', 'sim.topo');
  const { program } = checkFiles([path], memoryHost({ [path]: text }));
  if (!program) throw new Error('the generated topology does not resolve');
  const { network } = buildNetwork(program);
  const routing = computeRoutes(routingInput(program, network));
  let size = 0;
  const ms = timeMs(() => (size = generateSim(program, simSpec({ path, program, network, routing }), () => null).length));
  return { label: `generate the simulator for ${stats.nodes.toLocaleString('en')} nodes`, measured: Math.round(ms), unit: 'ms', target: { op: '<=', value: 5_000 }, note: `${(size / 1e6).toFixed(1)} MB of TypeScript; compiling the topology not counted` };
}
