import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { checkFiles } from '../../src/check/index.js';
import { computeRoutes } from '../../src/control/index.js';
import { routingInput } from '../../src/control/from-network.js';
import { buildDataplane } from '../../src/dataplane/index.js';
import { buildNetwork } from '../../src/model/index.js';
import { traceContext, traceFlow } from '../../src/trace/index.js';
import { generate, mixedSpec } from '../generate.js';
import { memoryHost } from '../memory-host.js';
import { timeMs, type Figure, type Section } from './section.js';

const FLOWS = 10_000;
/** The mixed topology with many subscribers per carrier: about 10,600 nodes, most of them UEs. */
const SPEC = { ...mixedSpec(14), uesPerCarrier: 280, flows: FLOWS };

/** Issue 4's budget: every flow's request traced hop by hop (compiling the topology is not counted). */
export const dataplane: Section = {
  name: 'dataplane',
  title: `data plane: ${FLOWS.toLocaleString('en')} flows traced over a generated ~10,000-node topology`,
  async run(): Promise<Figure[]> {
    const { text, stats } = generate(SPEC);
    const path = join(tmpdir(), 'topo-bench', 'dataplane.topo');
    const { program, diagnostics } = checkFiles([path], memoryHost({ [path]: text }));
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    if (!program || errors > 0) throw new Error(`the generated topology has ${errors} errors`);
    const { network } = buildNetwork(program);
    const routing = computeRoutes(routingInput(program, network));
    let hops = 0;
    let delivered = 0;
    const traceAll = () => {
      const ctx = traceContext(program, buildDataplane(program, network, routing));
      hops = 0;
      delivered = 0;
      for (const flow of program.flows) {
        const { request } = traceFlow(ctx, flow);
        hops += request.hops.length;
        if (request.disposition.kind === 'delivered') delivered++;
      }
    };
    const first = timeMs(traceAll);
    const again = timeMs(traceAll);
    const note = `${stats.nodes} nodes, ${program.flows.length} flows, ${hops} hops, ${delivered} delivered`;
    return [
      { label: 'trace every flow (first run: FIB lookup tables built on the way)', measured: Math.round(first), unit: 'ms', target: { op: '<=', value: 5_000 }, note },
      { label: 'trace every flow again (fresh trace context, warm process)', measured: Math.round(again), unit: 'ms' },
    ];
  },
};
